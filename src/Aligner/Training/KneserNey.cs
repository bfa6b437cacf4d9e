using Aligner.Restoration;

namespace Aligner.Training;

/// <summary>Interpolated Kneser–Ney estimation of a syllable trigram model, written in backoff form.</summary>
internal static class KneserNey
{
    public static SyllableLanguageModel Estimate(string[] vocabulary, byte[] flags, ReadOnlySpan<int> seq, int minTrigramCount, CancellationToken cancellationToken)
    {
        var v = vocabulary.Length;

        // Trigram counts: sort all keys and count runs. <s> is never predicted.
        var keys = new List<ulong>(seq.Length);
        for (var i = 2; i < seq.Length; i++)
        {
            if (seq[i] != SyllableLanguageModel.SentenceStart)
            {
                keys.Add(SyllableLanguageModel.TrigramKey(seq[i - 2], seq[i - 1], seq[i]));
            }
        }

        var all = keys.ToArray();
        keys = null;
        Array.Sort(all);
        cancellationToken.ThrowIfCancellationRequested();
        var triKeys = new List<ulong>();
        var triCounts = new List<int>();
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            while (j < all.Length && all[j] == all[i])
            {
                j++;
            }

            triKeys.Add(all[i]);
            triCounts.Add(j - i);
            i = j;
        }

        all = null;
        var d3 = Discount(triCounts);

        // Bigram continuation counts N1+(. v w), from the distinct trigrams.
        var biAll = new uint[triKeys.Count];
        for (var i = 0; i < triKeys.Count; i++)
        {
            biAll[i] = (uint)(triKeys[i] & 0xFFFFFFFF);
        }

        Array.Sort(biAll);
        var biKeys = new List<uint> { SyllableLanguageModel.BigramKey(SyllableLanguageModel.SentenceStart, SyllableLanguageModel.SentenceStart) };
        var biCont = new List<int> { 0 };
        for (var i = 0; i < biAll.Length;)
        {
            var j = i;
            while (j < biAll.Length && biAll[j] == biAll[i])
            {
                j++;
            }

            if (biAll[i] == biKeys[^1])
            {
                biCont[^1] += j - i;
            }
            else
            {
                biKeys.Add(biAll[i]);
                biCont.Add(j - i);
            }

            i = j;
        }

        biAll = null;
        var d2 = Discount(biCont);

        // Unigram continuation counts N1+(. w).
        var uniCont = new long[v];
        foreach (var key in biKeys)
        {
            uniCont[key & 0xFFFF]++;
        }

        uniCont[SyllableLanguageModel.SentenceStart] = 0;
        var d1 = Discount(uniCont.Where(c => c > 0).Select(c => (int)Math.Min(c, int.MaxValue)).ToList());
        double uniTotal = uniCont.Sum();
        var uniTypes = uniCont.Count(c => c > 0);
        var uniProb = new double[v];
        for (var w = 0; w < v; w++)
        {
            uniProb[w] = (Math.Max(uniCont[w] - d1, 0) + (d1 * uniTypes / v)) / uniTotal;
        }

        // Bigram probabilities and unigram backoff weights.
        var biProb = new double[biKeys.Count];
        var uniBackoff = new double[v];
        Array.Fill(uniBackoff, 1.0);
        for (var i = 0; i < biKeys.Count;)
        {
            var context = biKeys[i] >> 16;
            var j = i;
            long total = 0;
            while (j < biKeys.Count && biKeys[j] >> 16 == context)
            {
                total += biCont[j];
                j++;
            }

            var distinct = 0;
            for (var k = i; k < j; k++)
            {
                distinct += biCont[k] > 0 ? 1 : 0;
            }

            var gamma = total > 0 ? d2 * distinct / total : 1.0;
            uniBackoff[context] = gamma;
            for (var k = i; k < j; k++)
            {
                biProb[k] = total > 0
                    ? (Math.Max(biCont[k] - d2, 0) / total) + (gamma * uniProb[biKeys[k] & 0xFFFF])
                    : uniProb[biKeys[k] & 0xFFFF];
            }

            i = j;
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Trigram probabilities (kept when frequent enough) and context backoff weights on the bigram entries.
        var biBackoff = new double[biKeys.Count];
        Array.Fill(biBackoff, 1.0);
        var biKeyArray = biKeys.ToArray();
        var keptKeys = new List<ulong>();
        var keptProb = new List<float>();
        for (var i = 0; i < triKeys.Count;)
        {
            var context = triKeys[i] >> 16;
            var j = i;
            long total = 0;
            while (j < triKeys.Count && triKeys[j] >> 16 == context)
            {
                total += triCounts[j];
                j++;
            }

            var gamma = d3 * (j - i) / total;
            var contextSlot = Array.BinarySearch(biKeyArray, (uint)(context & 0xFFFFFFFF));
            if (contextSlot >= 0)
            {
                biBackoff[contextSlot] = gamma;
            }

            for (var k = i; k < j; k++)
            {
                if (triCounts[k] < minTrigramCount)
                {
                    continue;
                }

                var lower = Array.BinarySearch(biKeyArray, (uint)(triKeys[k] & 0xFFFFFFFF));
                var p = (Math.Max(triCounts[k] - d3, 0) / total) + (gamma * biProb[lower]);
                keptKeys.Add(triKeys[k]);
                keptProb.Add((float)Math.Log(p));
            }

            i = j;
        }

        var uni = uniProb.Select(p => (float)Math.Log(p)).ToArray();
        var uniBack = uniBackoff.Select(g => (float)Math.Log(g)).ToArray();
        var biLog = biProb.Select(p => (float)Math.Log(p)).ToArray();
        var biBackLog = biBackoff.Select(g => (float)Math.Log(g)).ToArray();
        var triLog = keptProb.ToArray();

        var biQ = Quantizer.For(biLog, -20f);
        var biBackQ = Quantizer.For(biBackLog, -20f);
        var triQ = Quantizer.For(triLog, -20f);
        return new SyllableLanguageModel(
            vocabulary,
            uni,
            uniBack,
            flags,
            biKeyArray,
            [.. biLog.Select(biQ.Encode)],
            [.. biBackLog.Select(biBackQ.Encode)],
            biQ,
            biBackQ,
            [.. keptKeys],
            [.. triLog.Select(triQ.Encode)],
            triQ);
    }

    // D = n1 / (n1 + 2 n2), the usual estimate from counts of counts.
    private static double Discount(List<int> counts)
    {
        long n1 = 0, n2 = 0;
        foreach (var c in counts)
        {
            if (c == 1)
            {
                n1++;
            }
            else if (c == 2)
            {
                n2++;
            }
        }

        return n1 + n2 == 0 ? 0.5 : Math.Clamp(n1 / (double)(n1 + (2 * n2)), 0.1, 0.95);
    }
}
