using Aligner.Scoring;

namespace Aligner.Alignment;

/// <summary>
/// Pairs the sentences of comparable text — two outlets telling one event in their own words — where their link
/// probability says a reader would link them, in any order: each outlet tells the story in its own order, so pairs
/// may cross (the English lead may retell the Vietnamese third paragraph). The surest pairs are taken first, each
/// sentence once; a pair then takes in a neighbouring sentence when the pair of groups is surer than the pair alone
/// (a statement one outlet tells in two sentences). Every sentence ends up in exactly one bead. Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// The monotone search of <see cref="BeadAligner"/> fits translations; on comparable pages it had to give up every
/// pair that crosses a surer one (about a fifth of the gold links of the realnews-dev pages cross).
/// </remarks>
internal sealed class ComparableLinker
{
    // A pair is a link when a reader would more likely link its sides than not.
    internal const double LinkThreshold = 0.5;

    // A neighbouring sentence joins a pair when the groups' log-odds beat the pair's by this much (a neighbour that
    // adds nothing, or only a little, is its own sentence: it may have its own partner or none). In log-odds, so that
    // a sure pair still takes in the half of a statement it lacks. Chosen on the realnews-dev pages (0–0.5 tried, in
    // the log-odds of the calibrated probability).
    internal const double GrowMargin = 0.375;

    // Pairs scored at most: beyond, only the sentences near the diagonal are paired (long texts take linear time).
    internal const long MaximumPairs = 4_000_000;

    private readonly PairScorer scorer;

    /// <summary>Creates a linker.</summary>
    /// <param name="scorer">Its <see cref="PairScorer.LinkProbability"/> decides the links (a scorer with comparable weights).</param>
    public ComparableLinker(PairScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        this.scorer = scorer;
    }

    /// <summary>Links two sequences of sentences.</summary>
    /// <returns>
    /// Beads in English order, each Vietnamese sentence left unpaired placed after the bead of the Vietnamese sentence
    /// before it; every sentence of both sides is in exactly one bead. Paired beads score their link probability,
    /// unpaired ones the probability that the sentence has no partner (one less the best of its row).
    /// </returns>
    public IReadOnlyList<Bead> Link(IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        var n = english.Count;
        var m = vietnamese.Count;
        var englishBead = new int[n];
        var vietnameseBead = new int[m];
        Array.Fill(englishBead, -1);
        Array.Fill(vietnameseBead, -1);
        var links = new List<Pair>();
        var (candidates, bestEnglish, bestVietnamese) = Candidates(english, vietnamese, cancellationToken);

        // The surest pairs first; ties in document order, so the result does not depend on the cores.
        candidates.Sort(static (a, b) => b.Probability != a.Probability ? b.Probability.CompareTo(a.Probability) : a.EnglishStart != b.EnglishStart ? a.EnglishStart.CompareTo(b.EnglishStart) : a.VietnameseStart.CompareTo(b.VietnameseStart));
        foreach (var c in candidates)
        {
            if (englishBead[c.EnglishStart] < 0 && vietnameseBead[c.VietnameseStart] < 0)
            {
                englishBead[c.EnglishStart] = vietnameseBead[c.VietnameseStart] = links.Count;
                links.Add(c);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        for (var k = 0; k < links.Count; k++)
        {
            links[k] = Grow(links[k], k, english, vietnamese, englishBead, vietnameseBead);
        }

        return Beads(links, englishBead, vietnameseBead, bestEnglish, bestVietnamese);
    }

    // Every pair with a probability at or above the threshold (within the window), and the best probability of each
    // sentence. Rows are scored on all cores, each into its own list.
    private (List<Pair> Candidates, double[] BestEnglish, double[] BestVietnamese) Candidates(IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese, CancellationToken cancellationToken)
    {
        var n = english.Count;
        var m = vietnamese.Count;
        var halfWidth = (long)n * m <= MaximumPairs ? m : (int)Math.Max(1, MaximumPairs / (2L * n));
        var rows = new List<Pair>[n];
        var rowBest = new double[n];
        // Each row's probabilities within its window (memory linear in the pairs scored, not n × m).
        var window = new (int From, double[] Probabilities)[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = new List<Pair>();
            var centre = (long)i * m / Math.Max(1, n);
            var from = (int)Math.Max(0, centre - halfWidth);
            var to = (int)Math.Min(m, centre + halfWidth + 1);
            var probabilities = new double[Math.Max(0, to - from)];
            var rowMax = 0.0;
            for (var j = from; j < to; j++)
            {
                var p = scorer.LinkProbability(english[i], vietnamese[j]);
                probabilities[j - from] = p;
                rowMax = Math.Max(rowMax, p);
                if (p >= LinkThreshold)
                {
                    row.Add(new Pair(i, 1, j, 1, p));
                }
            }

            rows[i] = row;
            rowBest[i] = rowMax;
            window[i] = (from, probabilities);
        });

        var candidates = new List<Pair>();
        var vietnameseBest = new double[m];
        for (var i = 0; i < n; i++)
        {
            candidates.AddRange(rows[i]);
            var (from, probabilities) = window[i];
            for (var k = 0; k < probabilities.Length; k++)
            {
                vietnameseBest[from + k] = Math.Max(vietnameseBest[from + k], probabilities[k]);
            }
        }

        return (candidates, rowBest, vietnameseBest);
    }

    // Takes in a free neighbouring sentence on either side while that makes the pair surer by the margin (at most
    // two sentences a side, the shapes of the bead kinds).
    private Pair Grow(Pair link, int index, IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese, int[] englishBead, int[] vietnameseBead)
    {
        while (true)
        {
            Pair? best = null;
            if (link.EnglishCount == 1)
            {
                best = Better(best, Try(link with { EnglishStart = link.EnglishStart - 1, EnglishCount = 2 }, link.EnglishStart - 1, englishBead, english, english, vietnamese));
                best = Better(best, Try(link with { EnglishCount = 2 }, link.EnglishStart + 1, englishBead, english, english, vietnamese));
            }

            if (link.VietnameseCount == 1)
            {
                best = Better(best, Try(link with { VietnameseStart = link.VietnameseStart - 1, VietnameseCount = 2 }, link.VietnameseStart - 1, vietnameseBead, vietnamese, english, vietnamese));
                best = Better(best, Try(link with { VietnameseCount = 2 }, link.VietnameseStart + 1, vietnameseBead, vietnamese, english, vietnamese));
            }

            if (best is not { } grown || LogOdds(grown.Probability) < LogOdds(link.Probability) + GrowMargin)
            {
                return link;
            }

            for (var i = grown.EnglishStart; i < grown.EnglishStart + grown.EnglishCount; i++)
            {
                englishBead[i] = index;
            }

            for (var j = grown.VietnameseStart; j < grown.VietnameseStart + grown.VietnameseCount; j++)
            {
                vietnameseBead[j] = index;
            }

            link = grown;
        }
    }

    // The grown pair's probability, or null when the added sentence (at position added of side, whose beads are
    // owners) is outside the text, already paired, furniture or in the other language.
    private Pair? Try(Pair grown, int added, int[] owners, IReadOnlyList<SentenceFeatures> side, IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese)
    {
        if (added < 0 || added >= owners.Length || owners[added] >= 0 || side[added].IsFurniture || side[added].IsOtherLanguage)
        {
            return null;
        }

        var p = scorer.LinkProbability(
            SentenceFeatures.Span(english, grown.EnglishStart, grown.EnglishCount),
            SentenceFeatures.Span(vietnamese, grown.VietnameseStart, grown.VietnameseCount));
        return grown with { Probability = p };
    }

    private static double LogOdds(double p)
    {
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return Math.Log(p / (1 - p));
    }

    private static Pair? Better(Pair? a, Pair? b) => b is { } y && (a is not { } x || y.Probability > x.Probability) ? b : a;

    // The links as beads in English order; unpaired Vietnamese sentences after the bead of the sentence before them.
    private static List<Bead> Beads(List<Pair> links, int[] englishBead, int[] vietnameseBead, double[] bestEnglish, double[] bestVietnamese)
    {
        var n = englishBead.Length;
        var m = vietnameseBead.Length;
        var english = new List<Bead>(n + m);
        var vietnamesePosition = 0;
        for (var i = 0; i < n;)
        {
            if (englishBead[i] < 0)
            {
                english.Add(new Bead(BeadKind.OneToZero, i, vietnamesePosition, 1 - bestEnglish[i]));
                i++;
                continue;
            }

            var link = links[englishBead[i]];
            english.Add(new Bead(Kind(link.EnglishCount, link.VietnameseCount), link.EnglishStart, link.VietnameseStart, link.Probability));
            vietnamesePosition = link.VietnameseStart + link.VietnameseCount;
            i += link.EnglishCount;
        }

        // Each unpaired Vietnamese sentence follows the bead holding the sentence before it (or opens the list).
        var after = new List<Bead>?[english.Count + 1];
        var beadOfVietnamese = new int[m];
        for (var k = 0; k < english.Count; k++)
        {
            for (var j = english[k].VietnameseStart; j < english[k].VietnameseStart + english[k].VietnameseCount; j++)
            {
                beadOfVietnamese[j] = k + 1;
            }
        }

        for (var j = 0; j < m; j++)
        {
            if (vietnameseBead[j] >= 0)
            {
                continue;
            }

            var slot = j == 0 ? 0 : beadOfVietnamese[j - 1];
            beadOfVietnamese[j] = slot;
            var position = slot == 0 ? 0 : english[slot - 1].EnglishStart + english[slot - 1].EnglishCount;
            (after[slot] ??= []).Add(new Bead(BeadKind.ZeroToOne, position, j, 1 - bestVietnamese[j]));
        }

        var beads = new List<Bead>(n + m);
        beads.AddRange(after[0] ?? []);
        for (var k = 0; k < english.Count; k++)
        {
            beads.Add(english[k]);
            beads.AddRange(after[k + 1] ?? []);
        }

        return beads;
    }

    private static BeadKind Kind(int english, int vietnamese) => (english, vietnamese) switch
    {
        (1, 1) => BeadKind.OneToOne,
        (2, 1) => BeadKind.TwoToOne,
        (1, 2) => BeadKind.OneToTwo,
        _ => BeadKind.TwoToTwo,
    };

    private readonly record struct Pair(int EnglishStart, int EnglishCount, int VietnameseStart, int VietnameseCount, double Probability);
}
