namespace Aligner.Restoration;

/// <summary>
/// The beam search of <see cref="DiacriticRestorer"/>: over one sentence of classified tokens (a
/// <see cref="LineClassifier"/>), picks for every token with candidates the form that makes the most likely
/// syllable trigram sentence, plus the capital bonus of names and the document cache's bonus.
/// </summary>
/// <remarks>Holds scratch arrays: one instance per restoration call, never shared.</remarks>
internal sealed class SyllableBeamSearch(SyllableLanguageModel model, DiacriticRestorerOptions options)
{
    private readonly float margin = (float)options.PruneMargin;

    private int[]?[] cands = [];
    private int[] ids = [];
    private bool[] title = [];
    private sbyte[] next = [];
    private DocumentCache? cache;

    // Per position of the segment being decoded.
    private int[] segTokens = new int[64];
    private int[] posStart = new int[64];
    private int[] posCount = new int[64];
    private int[] chosen = new int[64];

    // Beam states, flat over the segment.
    private int[] stU = new int[256];
    private int[] stV = new int[256];
    private float[] stScore = new float[256];
    private int[] stBack = new int[256];
    private int[] stK = new int[256];
    private int states;

    private float[] tmpScore = new float[256];
    private int[] tmpBack = new int[256];
    private float[] biCache = new float[256];
    private float[] bonus = new float[16];
    private readonly int[] topIndex = new int[257];

    /// <summary>The index into its candidate list of the form chosen for position <paramref name="p"/> of the last segment.</summary>
    public int Chosen(int p) => chosen[p];

    /// <summary>Decodes the tokens [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="line"/>'s last line.</summary>
    public void Decode(LineClassifier line, int from, int to, DocumentCache? documentCache)
    {
        cands = line.Candidates;
        ids = line.Ids;
        title = line.Title;
        next = line.Next;
        cache = documentCache;
        var count = to - from;
        EnsurePositions(count);
        for (var p = 0; p < count; p++)
        {
            segTokens[p] = from + p;
        }

        // Initial state: <s> <s>.
        states = 0;
        AddState(SyllableLanguageModel.SentenceStart, SyllableLanguageModel.SentenceStart, 0, -1, 0);
        var prevStart = 0;
        var prevCount = 1;
        var prevK = 1;
        for (var p = 0; p < count; p++)
        {
            var token = segTokens[p];
            var list = cands[token];
            var k = list?.Length ?? 1;
            posStart[p] = states;
            if (prevCount == 1 && k == 1)
            {
                AddState(stV[prevStart], list?[0] ?? ids[token], stScore[prevStart], prevStart, 0);
            }
            else
            {
                Step(prevStart, prevCount, prevK, list, ids[token], k, title[token], next[token]);
            }

            posCount[p] = states - posStart[p];
            prevStart = posStart[p];
            prevCount = posCount[p];
            prevK = k;
        }

        // Close the sentence and walk back.
        var best = prevStart;
        if (prevCount > 1)
        {
            var bestScore = float.NegativeInfinity;
            for (var s = prevStart; s < prevStart + prevCount; s++)
            {
                var score = stScore[s] + model.Score(stU[s], stV[s], SyllableLanguageModel.SentenceEnd);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = s;
                }
            }
        }

        for (var p = count - 1; p >= 0; p--)
        {
            chosen[p] = stK[best];
            best = stBack[best];
        }
    }

    private void Step(int prevStart, int prevCount, int prevK, int[]? list, int fixedId, int k, bool capitalised, sbyte nextWord)
    {
        var cells = prevK * k;
        EnsureCells(cells);
        if (bonus.Length < k)
        {
            Array.Resize(ref bonus, Math.Max(k, bonus.Length * 2));
        }

        for (var j = 0; j < k; j++)
        {
            bonus[j] = list is null ? 0f : (capitalised ? model.CapitalBonus(list[j]) : 0f) + model.NextBonus(list[j], nextWord) + (cache?.Bonus(list[j]) ?? 0f);
        }

        for (var c = 0; c < cells; c++)
        {
            tmpScore[c] = float.NegativeInfinity;
            biCache[c] = float.NaN;
        }

        var pairs = cache is { HasPairs: true };
        for (var s = prevStart; s < prevStart + prevCount; s++)
        {
            int u = stU[s], v = stV[s];
            var baseScore = stScore[s];

            // A context u v that is not a bigram has no trigram either: skip those lookups.
            var context = model.ContextSlot(u, v, out var backoff);
            var row = stK[s] * k;
            for (var j = 0; j < k; j++)
            {
                var w = list?[j] ?? fixedId;
                if (!model.TryTrigramAt(context, w, out var lp))
                {
                    var bi = biCache[row + j];
                    if (float.IsNaN(bi))
                    {
                        biCache[row + j] = bi = model.BigramScore(v, w);
                    }

                    lp = backoff + bi;
                }

                var score = baseScore + lp + bonus[j] + (pairs && list is not null ? cache!.PairBonus(v, w) : 0f);
                if (score > tmpScore[row + j])
                {
                    tmpScore[row + j] = score;
                    tmpBack[row + j] = s;
                }
            }
        }

        // Keep the best BeamWidth cells within PruneMargin of the best (insertion into a small sorted list).
        var top = float.NegativeInfinity;
        for (var c = 0; c < cells; c++)
        {
            top = Math.Max(top, tmpScore[c]);
        }

        var floor = top - margin;
        var beam = options.BeamWidth;
        var kept = 0;
        for (var c = 0; c < cells; c++)
        {
            var score = tmpScore[c];
            if (score < floor || float.IsNegativeInfinity(score) || (kept == beam && score <= tmpScore[topIndex[kept - 1]]))
            {
                continue;
            }

            var at = kept < beam ? kept++ : beam - 1;
            while (at > 0 && tmpScore[topIndex[at - 1]] < score)
            {
                topIndex[at] = topIndex[at - 1];
                at--;
            }

            topIndex[at] = c;
        }

        for (var q = 0; q < kept; q++)
        {
            var c = topIndex[q];
            var j = c % k;
            var back = tmpBack[c];
            AddState(stV[back], list?[j] ?? fixedId, tmpScore[c], back, j);
        }
    }

    /// <summary>P(chosen | restored neighbours) of position <paramref name="p"/>, normalised over the syllable's candidates.</summary>
    public double Confidence(int p, int count, int[] list)
    {
        var u = p >= 2 ? ChosenId(p - 2) : SyllableLanguageModel.SentenceStart;
        var v = p >= 1 ? ChosenId(p - 1) : SyllableLanguageModel.SentenceStart;
        var next = p + 1 < count ? ChosenId(p + 1) : SyllableLanguageModel.SentenceEnd;
        var after = p + 2 < count ? ChosenId(p + 2) : SyllableLanguageModel.SentenceEnd;
        var max = double.NegativeInfinity;
        Span<double> scores = list.Length <= 32 ? stackalloc double[list.Length] : new double[list.Length];
        for (var j = 0; j < list.Length; j++)
        {
            double s = LocalScore(model, cache, u, v, list[j], next, after, p + 1 < count, title[segTokens[p]], this.next[segTokens[p]]);
            scores[j] = s;
            max = Math.Max(max, s);
        }

        double total = 0;
        foreach (var s in scores)
        {
            total += Math.Exp(s - max);
        }

        return Math.Exp(scores[chosen[p]] - max) / total;
    }

    /// <summary>
    /// The score of form <paramref name="c"/> between its neighbours (u v before it, next and after it), as the search
    /// counts it: the trigrams that hold it, the capital and next-word bonuses and the cache's bonuses.
    /// </summary>
    internal static float LocalScore(SyllableLanguageModel model, DocumentCache? cache, int u, int v, int c, int next, int after, bool hasNext, bool capitalised, sbyte nextWord)
    {
        var s = model.Score(u, v, c) + model.Score(v, c, next) + (capitalised ? model.CapitalBonus(c) : 0f) + model.NextBonus(c, nextWord) + (cache?.Bonus(c) ?? 0f);
        if (cache is { HasPairs: true })
        {
            s += cache.PairBonus(v, c) + cache.PairBonus(c, next);
        }

        return hasNext ? s + model.Score(c, next, after) : s;
    }

    private int ChosenId(int p)
    {
        var token = segTokens[p];
        return cands[token] is { } list ? list[chosen[p]] : ids[token];
    }

    private void AddState(int u, int v, float score, int back, int k)
    {
        if (states == stU.Length)
        {
            var size = stU.Length * 2;
            Array.Resize(ref stU, size);
            Array.Resize(ref stV, size);
            Array.Resize(ref stScore, size);
            Array.Resize(ref stBack, size);
            Array.Resize(ref stK, size);
        }

        stU[states] = u;
        stV[states] = v;
        stScore[states] = score;
        stBack[states] = back;
        stK[states] = k;
        states++;
    }

    private void EnsurePositions(int n)
    {
        if (segTokens.Length >= n)
        {
            return;
        }

        var size = Math.Max(n, segTokens.Length * 2);
        Array.Resize(ref segTokens, size);
        Array.Resize(ref posStart, size);
        Array.Resize(ref posCount, size);
        Array.Resize(ref chosen, size);
    }

    private void EnsureCells(int n)
    {
        if (tmpScore.Length >= n)
        {
            return;
        }

        Array.Resize(ref tmpScore, n);
        Array.Resize(ref tmpBack, n);
        Array.Resize(ref biCache, n);
    }
}
