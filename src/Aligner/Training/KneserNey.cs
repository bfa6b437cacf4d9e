using Aligner.Restoration;

namespace Aligner.Training;

/// <summary>Interpolated Kneser–Ney estimation of a syllable trigram model, written in backoff form.</summary>
internal static class KneserNey
{
    public static SyllableLanguageModel Estimate(string[] vocabulary, byte[] flags, float[] capitalBonus, ReadOnlySpan<int> seq, int minTrigramCount, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? codes = null, float[]? nextBonus = null)
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
        var d1 = Discount(uniCont.Where(c => c > 0).Select(c => (int)Math.Min(c, int.MaxValue)).ToList()).One;
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

            double mass = 0;
            for (var k = i; k < j; k++)
            {
                mass += d2.Of(biCont[k]);
            }

            var gamma = total > 0 ? mass / total : 1.0;
            uniBackoff[context] = gamma;
            for (var k = i; k < j; k++)
            {
                biProb[k] = total > 0
                    ? (Math.Max(biCont[k] - d2.Of(biCont[k]), 0) / total) + (gamma * uniProb[biKeys[k] & 0xFFFF])
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

            double mass = 0;
            for (var k = i; k < j; k++)
            {
                mass += d3.Of(triCounts[k]);
            }

            var gamma = mass / total;
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
                var p = (Math.Max(triCounts[k] - d3.Of(triCounts[k]), 0) / total) + (gamma * biProb[lower]);
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
            capitalBonus,
            biKeyArray,
            [.. biLog.Select(biQ.Encode)],
            [.. biBackLog.Select(biBackQ.Encode)],
            biQ,
            biBackQ,
            SyllableLanguageModel.Grouped(biKeyArray, [.. keptKeys], [.. triLog.Select(triQ.Encode)]),
            triQ,
            codes,
            nextBonus);
    }

    // Modified Kneser-Ney (Chen & Goodman 1998): discounts D1, D2, D3+ from the counts of counts n1..n4,
    // Y = n1 / (n1 + 2 n2), Dk = k - (k + 1) Y n(k+1) / nk.
    private static Discounts Discount(List<int> counts)
    {
        Span<long> n = stackalloc long[5];
        foreach (var c in counts)
        {
            if (c is >= 1 and <= 4)
            {
                n[c]++;
            }
        }

        if (n[1] == 0 || n[2] == 0 || n[3] == 0 || n[4] == 0)
        {
            return new Discounts(0.5, 1.0, 1.5);
        }

        var y = n[1] / (double)(n[1] + (2 * n[2]));
        return new Discounts(
            Math.Clamp(1 - (2 * y * n[2] / n[1]), 0.05, 0.95),
            Math.Clamp(2 - (3 * y * n[3] / n[2]), 0.05, 1.95),
            Math.Clamp(3 - (4 * y * n[4] / n[3]), 0.05, 2.95));
    }

    private readonly record struct Discounts(double One, double Two, double ThreePlus)
    {
        public double Of(long count) => count switch { <= 0 => 0, 1 => One, 2 => Two, _ => ThreePlus };
    }
}
