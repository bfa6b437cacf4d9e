using System.Buffers;
using Aligner.Scoring;

namespace Aligner.Alignment;

/// <summary>
/// Dynamic-programming sentence aligner with 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 beads, searched in a band so that
/// time and memory grow linearly with document length.
/// </summary>
/// <remarks>
/// <para>
/// The cost of a bead is <c>−log P(shape) − LLR</c>, where the log-likelihood ratio comes from the
/// <see cref="PairScorer"/>, so a pair of sentences is aligned only where that beats leaving both unmatched.
/// </para>
/// <para>
/// The first band follows the diagonal. When the best path touches the band's edge in or next to a parallel
/// stretch, the band is doubled around that path and the search runs again (reusing the pair scores already
/// computed), so long stretches of one-sided text (navigation, related-news lists) pull the path off the diagonal
/// without a quadratic search. A path that meets the edge only far from any translation ends the search: two texts
/// that share nothing take one search. The band also stops growing at a fixed number of cells. Long texts are searched
/// in two steps: the 1-1 beads alone place the path, then every bead is searched in a narrow band around it (a third
/// of the pair scores, with the same beads on the long benchmark inputs). The pair scores of
/// each block of rows are computed on all cores; the result does not depend on their number. Immutable and
/// thread-safe.
/// </para>
/// </remarks>
internal sealed class BeadAligner
{
    private const byte FromNone = 0;
    private const byte SwitchState = 0x80;

    // The band stops doubling before the search would need more cells than this (about 360 MB): two long texts
    // that share nothing would otherwise make the search quadratic in time and memory.
    private const long MaximumCells = 20_000_000;

    // Pair beads per cell (1-1, 2-1, 1-2, 2-2), whose scores are computed a block of rows at a time: blocks of about
    // this many cells, scored on all cores when they hold at least ParallelCells.
    private const int PairMoves = 4;
    private const int BlockCells = 1 << 14;
    private const int ParallelCells = 256;

    // The shapes of the pair beads, in the order of their scores in a cell.
    private static readonly (int English, int Vietnamese)[] PairShapes = [(1, 1), (2, 1), (1, 2), (2, 2)];

    // A search keeps its pair scores for the next one (32 bytes a cell) up to this many cells.
    private const long KeptCells = 4_000_000;

    // Searches of at most this many cells widen their band whenever the path meets its edge, as before the
    // parallel-stretch rule: the rule saves time only on long texts, and the short regions of passage matching (whose
    // passages may lie far off the diagonal) need the wider band (match.sh seed 1: 0.9787 with the rule, 0.9849 without).
    internal const long DefaultAlwaysWidenCells = 1_000_000;

    // Texts whose first band would hold at least this many cells (about 2,500 sentences a side) are searched in two
    // steps. The 1-1 beads alone place the path: a band of GuideFirst sentences around the diagonal that grows to take in
    // the path wherever it meets the edge next to translations (RecentreTimes times at the same width, then twice as wide
    // near the touch); it never gives up cells, so a path that strayed can come back. Then every bead is searched within
    // GuideBand sentences of that path and of its GuideBand neighbouring rows (where the path runs along one row, a
    // one-sided run, a path that takes the run a few rows earlier stays inside), the band doubling only near where the
    // path meets its edge next to translations. Chosen on the IWSLT-shaped pair and seeds ×200 (benchmarks/long/long.sh),
    // whose beads stay the same with these settings; a final band of 8, or of 12 with 4 neighbouring rows, changed some.
    internal const long DefaultGuidedCells = 200_000;
    private const int GuideFirst = 20;
    private const int RecentreTimes = 2;
    private const int GuideBand = 12;

    // A parallel stretch: at least StretchPairs pair beads among the StretchReach beads either side of one.
    private const int StretchReach = 3;
    private const int StretchPairs = 3;

    private static readonly (int English, int Vietnamese, BeadKind Kind)[] Moves =
    [
        (0, 0, BeadKind.OneToOne), // placeholder for index 0 = "no move"
        (1, 1, BeadKind.OneToOne),
        (1, 0, BeadKind.OneToZero),
        (0, 1, BeadKind.ZeroToOne),
        (2, 1, BeadKind.TwoToOne),
        (1, 2, BeadKind.OneToTwo),
        (2, 2, BeadKind.TwoToTwo),
    ];

    private readonly PairScorer scorer;
    private readonly double costOneToOne;
    private readonly double costUnmatched;
    private readonly double costOneToTwo;
    private readonly double costTwoToTwo;
    private readonly double costUnmatchedInRun;
    private readonly double costRegionChange;
    private readonly int initialBand;

    /// <summary>Texts whose first band would hold at least this many cells are searched guided by the 1-1 beads (tests set it low).</summary>
    internal long GuidedCells { get; init; } = DefaultGuidedCells;

    /// <summary>Searches of at most this many cells widen whenever the path meets the band's edge (tests set it low).</summary>
    internal long AlwaysWidenCells { get; init; } = DefaultAlwaysWidenCells;

    /// <summary>Creates an aligner.</summary>
    /// <param name="scorer">Scores sentence pairs.</param>
    /// <param name="options">Bead priors and band; <see cref="AlignmentOptions.Default"/> when null.</param>
    public BeadAligner(PairScorer scorer, AlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        options ??= AlignmentOptions.Default;
        options.Validate();
        this.scorer = scorer;
        costOneToOne = -Math.Log(options.OneToOne);
        costUnmatched = -Math.Log(options.Unmatched);
        costOneToTwo = -Math.Log(options.OneToTwo);
        costTwoToTwo = -Math.Log(options.TwoToTwo);
        costUnmatchedInRun = -Math.Log(options.UnmatchedInOneSidedRun);
        costRegionChange = -Math.Log(options.RegionChange);
        initialBand = options.InitialBand;
    }

    /// <summary>Aligns two sequences of sentences.</summary>
    /// <param name="english">Features of the English sentences, in order.</param>
    /// <param name="vietnamese">Features of the Vietnamese sentences, in order.</param>
    /// <param name="cancellationToken">Stops a long search.</param>
    /// <returns>Beads in document order; every sentence of both sides is in exactly one bead.</returns>
    public IReadOnlyList<Bead> Align(IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese, CancellationToken cancellationToken = default) =>
        Align(english, vietnamese, out _, cancellationToken);

    /// <summary>Aligns two sequences of sentences and tells how many banded searches it took.</summary>
    internal IReadOnlyList<Bead> Align(IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese, out int searches, CancellationToken cancellationToken = default) =>
        Align(english, vietnamese, out searches, out _, cancellationToken);

    /// <summary>Aligns two sequences of sentences and tells how many banded searches and pair scores it took (benchmarks).</summary>
    internal IReadOnlyList<Bead> Align(IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese, out int searches, out long pairScores, CancellationToken cancellationToken = default)
    {
        var counts = new Counts();
        var beads = Align(english, vietnamese, counts, cancellationToken);
        searches = counts.Searches;
        pairScores = counts.PairScores;
        return beads;
    }

    private List<Bead> Align(IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese, Counts counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        var n = english.Count;
        var m = vietnamese.Count;
        if (n == 0 || m == 0)
        {
            var lonely = new List<Bead>(n + m);
            for (var i = 0; i < n; i++)
            {
                lonely.Add(new Bead(BeadKind.OneToZero, i, 0, 1));
            }

            for (var j = 0; j < m; j++)
            {
                lonely.Add(new Bead(BeadKind.ZeroToOne, n, j, 1));
            }

            return lonely;
        }

        var input = new Input(english, vietnamese);

        // First band: the staircase from (0, 0) to (n, m).
        var guideLow = new int[n + 1];
        var guideHigh = new int[n + 1];
        for (var i = 0; i <= n; i++)
        {
            guideLow[i] = (int)((long)i * m / n);
            guideHigh[i] = i == n ? m : (int)((long)(i + 1) * m / n);
        }

        var bands = new int[n + 1];
        if ((long)(n + 1) * ((2 * initialBand) + 1) < GuidedCells)
        {
            Array.Fill(bands, initialBand);
            return Score(input, Widen(input, guideLow, guideHigh, bands, null, PairMoves, AlwaysWidenCells, 0, local: false, counts, cancellationToken).Path);
        }

        // A long text: the 1-1 beads alone place the path (a quarter of the pair scores), then all beads are searched in a
        // narrow band around it, with the 1-1 scores already computed.
        Array.Fill(bands, GuideFirst);
        var (guide, guideScores) = Widen(input, guideLow, guideHigh, bands, null, 1, 0, RecentreTimes, local: true, counts, cancellationToken);
        Around(guide, guideLow, guideHigh);
        Dilate(guideLow, guideHigh, GuideBand);
        Array.Fill(bands, GuideBand);
        return Score(input, Widen(input, guideLow, guideHigh, bands, guideScores, PairMoves, 0, 0, local: true, counts, cancellationToken).Path);
    }

    // Searches the band of half-width bands[i] around the guide, then again around the path found while the path meets
    // the band's edge (see NearParallelStretch), reusing the pair scores computed: with the same width the first
    // recentre times, then twice as wide, everywhere or (local) within twice the band of where the path met the edge.
    // Scores the first moves pair beads of each cell (1: the 1-1 bead alone). The guide and band arrays are overwritten.
    private (List<Bead> Path, Scores? Scores) Widen(Input input, int[] guideLow, int[] guideHigh, int[] bands, Scores? previous, int moves, long alwaysWidenCells, int recentre, bool local, Counts counts, CancellationToken cancellationToken)
    {
        var n = input.English.Count;
        var m = input.Vietnamese.Count;
        while (true)
        {
            var (path, touched, scores) = Search(input, guideLow, guideHigh, bands, previous, moves, alwaysWidenCells, counts, cancellationToken);
            counts.Searches++;
            var widest = bands.Max();
            if (touched.Count == 0 || widest >= Math.Max(n, m) || (long)(n + 1) * ((4 * widest) + 1) > MaximumCells)
            {
                return (path, scores);
            }

            // The path met the band's edge: search again in a band twice as wide around the path found, with the pair
            // scores this search computed.
            if (recentre-- <= 0)
            {
                if (!local)
                {
                    for (var i = 0; i <= n; i++)
                    {
                        bands[i] *= 2;
                    }
                }
                else
                {
                    var wider = (int[])bands.Clone();
                    foreach (var row in touched)
                    {
                        var reach = 2 * bands[row];
                        for (var i = Math.Max(0, row - reach); i <= Math.Min(n, row + reach); i++)
                        {
                            wider[i] = Math.Max(wider[i], 2 * bands[row]);
                        }
                    }

                    wider.CopyTo(bands, 0);
                }
            }

            previous = scores;
            if (local)
            {
                // The band grows to take in the path found: it never gives up cells it searched (a band moved with a path
                // that strayed could lose the translations it left).
                var (oldLow, oldHigh) = ((int[])guideLow.Clone(), (int[])guideHigh.Clone());
                Around(path, guideLow, guideHigh);
                for (var i = 0; i <= n; i++)
                {
                    guideLow[i] = Math.Min(guideLow[i], oldLow[i]);
                    guideHigh[i] = Math.Max(guideHigh[i], oldHigh[i]);
                }
            }
            else
            {
                Around(path, guideLow, guideHigh);
            }
        }
    }

    // Widens the guide of each row to the guides of the rows within reach of it: where the path runs along one row (a
    // run of one-sided sentences), a path that takes the run a few rows earlier or later stays inside the band.
    private static void Dilate(int[] guideLow, int[] guideHigh, int reach)
    {
        var low = (int[])guideLow.Clone();
        var high = (int[])guideHigh.Clone();
        for (var i = 0; i < low.Length; i++)
        {
            for (var k = Math.Max(0, i - reach); k <= Math.Min(low.Length - 1, i + reach); k++)
            {
                guideLow[i] = Math.Min(guideLow[i], low[k]);
                guideHigh[i] = Math.Max(guideHigh[i], high[k]);
            }
        }
    }

    // The cells each row of the path passes through, as guide.
    private static void Around(List<Bead> path, int[] guideLow, int[] guideHigh)
    {
        Array.Fill(guideLow, int.MaxValue);
        Array.Fill(guideHigh, int.MinValue);
        var i0 = 0;
        var j0 = 0;
        guideLow[0] = 0;
        guideHigh[0] = 0;
        foreach (var bead in path)
        {
            for (var k = 0; k <= bead.EnglishCount; k++)
            {
                var row = i0 + k;
                var jFrom = j0;
                var jTo = j0 + bead.VietnameseCount;
                guideLow[row] = Math.Min(guideLow[row], jFrom);
                guideHigh[row] = Math.Max(guideHigh[row], jTo);
            }

            i0 += bead.EnglishCount;
            j0 += bead.VietnameseCount;
        }
    }

    // The best path in the band, the rows where it met the band's edge in a way that asks for a wider band (none when
    // the band is wide enough), and the pair scores when they are kept.
    private (List<Bead> Path, List<int> Touched, Scores? Scores) Search(Input input, int[] guideLow, int[] guideHigh, int[] bands, Scores? previous, int moves, long alwaysWidenCells, Counts counts, CancellationToken cancellationToken)
    {
        var n = input.English.Count;
        var m = input.Vietnamese.Count;
        var low = new int[n + 1];
        var offset = new long[n + 2];
        for (var i = 0; i <= n; i++)
        {
            low[i] = Math.Max(0, guideLow[i] - bands[i]);
            var high = Math.Min(m, guideHigh[i] + bands[i]);
            if (i == n)
            {
                high = m;
            }

            offset[i + 1] = offset[i] + (high - low[i] + 1);
        }

        low[0] = 0;
        var cells = offset[n + 1];
        if (cells > Array.MaxLength)
        {
            throw new InsufficientMemoryException($"The alignment search needs {cells:N0} cells, more than an array can hold.");
        }

        // Two states per cell: inside a parallel region (all beads) or inside a one-sided run (1-0 and 0-1 only).
        var parallel = ArrayPool<double>.Shared.Rent((int)cells);
        var oneSided = ArrayPool<double>.Shared.Rent((int)cells);
        var backParallel = ArrayPool<byte>.Shared.Rent((int)cells);
        var backOneSided = ArrayPool<byte>.Shared.Rent((int)cells);
        // The pair scores of every cell are kept for the next search when there are not too many of them (the next
        // band overlaps this one); otherwise a block's scores live only while the block is searched.
        var keep = cells <= KeptCells ? new Scores(low, offset, new double[PairMoves * cells]) : null;
        var scores = keep?.Values ?? ArrayPool<double>.Shared.Rent(PairMoves * Math.Max(BlockCells, MaximumWidth(offset, n)));
        try
        {
            var i = 0;
            while (i <= n)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A block of rows whose pair scores are computed first, on every core (the scorer is a pure function,
                // so the search is the same whatever the number of cores), then searched in order.
                var blockEnd = i + 1;
                while (blockEnd <= n && offset[blockEnd + 1] - offset[i] <= BlockCells)
                {
                    blockEnd++;
                }

                var blockStart = keep is null ? offset[i] : 0;
                ScoreBlock(input, offset, low, i, blockEnd, blockStart, scores, previous, moves, counts);
                for (; i < blockEnd; i++)
                {
                    var width = (int)(offset[i + 1] - offset[i]);
                    for (var w = 0; w < width; w++)
                    {
                        var j = low[i] + w;
                        var at = offset[i] + w;
                        if (i == 0 && j == 0)
                        {
                            parallel[at] = 0;
                            oneSided[at] = 0;
                            backParallel[at] = FromNone;
                            backOneSided[at] = FromNone;
                            continue;
                        }

                        var pairs = (int)(PairMoves * (at - blockStart));
                        var bestParallel = double.PositiveInfinity;
                        byte moveParallel = FromNone;
                        Consider(ref bestParallel, ref moveParallel, 1, Cell(parallel, offset, low, i - 1, j - 1), costOneToOne, scores[pairs]);
                        Consider(ref bestParallel, ref moveParallel, 2, Cell(parallel, offset, low, i - 1, j), costUnmatched);
                        Consider(ref bestParallel, ref moveParallel, 3, Cell(parallel, offset, low, i, j - 1), costUnmatched);
                        Consider(ref bestParallel, ref moveParallel, 4, Cell(parallel, offset, low, i - 2, j - 1), costOneToTwo, scores[pairs + 1]);
                        Consider(ref bestParallel, ref moveParallel, 5, Cell(parallel, offset, low, i - 1, j - 2), costOneToTwo, scores[pairs + 2]);
                        Consider(ref bestParallel, ref moveParallel, 6, Cell(parallel, offset, low, i - 2, j - 2), costTwoToTwo, scores[pairs + 3]);

                        var bestOneSided = double.PositiveInfinity;
                        byte moveOneSided = FromNone;
                        Consider(ref bestOneSided, ref moveOneSided, 2, Cell(oneSided, offset, low, i - 1, j), costUnmatchedInRun);
                        Consider(ref bestOneSided, ref moveOneSided, 3, Cell(oneSided, offset, low, i, j - 1), costUnmatchedInRun);

                        // A region may change at any cell; the switch is recorded as a flag on the arriving state.
                        parallel[at] = bestParallel;
                        backParallel[at] = moveParallel;
                        if (bestOneSided + costRegionChange < bestParallel)
                        {
                            parallel[at] = bestOneSided + costRegionChange;
                            backParallel[at] = SwitchState;
                        }

                        oneSided[at] = bestOneSided;
                        backOneSided[at] = moveOneSided;
                        if (bestParallel + costRegionChange < bestOneSided)
                        {
                            oneSided[at] = bestParallel + costRegionChange;
                            backOneSided[at] = SwitchState;
                        }
                    }
                }
            }

            // Walk back from (n, m), in whichever state ends cheaper.
            var path = new List<Bead>();
            var touching = new List<int>();
            var touchRows = new List<int>();
            int bi = n, bj = m;
            var endAt = offset[n] + m - low[n];
            var inParallel = parallel[endAt] <= oneSided[endAt];
            while (bi > 0 || bj > 0)
            {
                var high = low[bi] + (int)(offset[bi + 1] - offset[bi]) - 1;
                if ((bj == low[bi] && low[bi] > 0) || (bj == high && high < m))
                {
                    touching.Add(path.Count);
                    touchRows.Add(bi);
                }

                var at = offset[bi] + bj - low[bi];
                var move = inParallel ? backParallel[at] : backOneSided[at];
                if (move == SwitchState)
                {
                    inParallel = !inParallel;
                    move = inParallel ? backParallel[at] : backOneSided[at];
                }

                if (move is FromNone or SwitchState)
                {
                    throw new InvalidOperationException("The alignment search found no path; this is a bug.");
                }

                var (de, dv, kind) = Moves[move];
                bi -= de;
                bj -= dv;
                path.Add(new Bead(kind, bi, bj, 0));
            }

            path.Reverse();
            // A small search widens whenever the path meets the edge (matching aligns short regions whose passages may
            // lie far off the diagonal); a large one only where the touch is near translations.
            var widen = new List<int>();
            for (var t = 0; t < touching.Count; t++)
            {
                if (cells <= alwaysWidenCells || NearParallelStretch(path, path.Count - 1 - touching[t]))
                {
                    widen.Add(touchRows[t]);
                }
            }

            return (path, widen, keep);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(parallel);
            ArrayPool<double>.Shared.Return(oneSided);
            ArrayPool<byte>.Shared.Return(backParallel);
            ArrayPool<byte>.Shared.Return(backOneSided);
            if (keep is null)
            {
                ArrayPool<double>.Shared.Return(scores);
            }
        }
    }

    // The scores of the four pair beads (1-1, 2-1, 1-2, 2-2) ending at each cell of rows [first, end), at
    // PairMoves * (cell − blockStart); NaN for a bead whose start lies outside the band (never used). Scores the
    // previous search computed are copied, not computed again.
    private void ScoreBlock(Input input, long[] offset, int[] low, int first, int end, long blockStart, double[] scores, Scores? previous, int moves, Counts counts)
    {
        if (offset[end] - offset[first] < ParallelCells)
        {
            for (var i = first; i < end; i++)
            {
                ScoreRow(input, offset, low, i, blockStart, scores, previous, moves, counts);
            }

            return;
        }

        Parallel.For(first, end, i => ScoreRow(input, offset, low, i, blockStart, scores, previous, moves, counts));
    }

    private void ScoreRow(Input input, long[] offset, int[] low, int i, long blockStart, double[] scores, Scores? previous, int moves, Counts counts)
    {
        var computed = 0;
        var width = (int)(offset[i + 1] - offset[i]);
        for (var w = 0; w < width; w++)
        {
            var j = low[i] + w;
            var pairs = (int)(PairMoves * (offset[i] + w - blockStart));
            var known = previous?.At(i, j) ?? -1;
            for (var move = 0; move < PairMoves; move++)
            {
                var score = known >= 0 ? previous!.Values[known + move] : double.NaN;
                if (double.IsNaN(score) && move < moves)
                {
                    score = PairScore(input, offset, low, i, j, PairShapes[move].English, PairShapes[move].Vietnamese);
                    computed += double.IsNaN(score) ? 0 : 1;
                }

                scores[pairs + move] = score;
            }
        }

        Interlocked.Add(ref counts.PairScores, computed);
    }

    /// <summary>What an alignment took: banded searches, and pair scores computed (or masked) in them.</summary>
    private sealed class Counts
    {
        public long PairScores;

        public int Searches { get; set; }
    }

    private double PairScore(Input input, long[] offset, int[] low, int i, int j, int englishCount, int vietnameseCount)
    {
        var fromI = i - englishCount;
        var fromJ = j - vietnameseCount;
        if (fromI < 0 || fromJ < 0 || fromJ < low[fromI] || fromJ - low[fromI] >= offset[fromI + 1] - offset[fromI])
        {
            return double.NaN;
        }

        return input.MayPair(fromI, englishCount, fromJ, vietnameseCount)
            ? scorer.Score(input.EnglishSpan(fromI, englishCount), input.VietnameseSpan(fromJ, vietnameseCount))
            : double.NegativeInfinity;
    }

    /// <summary>The pair scores of one search's band, PairMoves a cell, kept for the next search.</summary>
    private sealed class Scores(int[] low, long[] offset, double[] values)
    {
        public double[] Values { get; } = values;

        /// <summary>The index of cell (i, j)'s first score, or −1 when the cell is outside the band.</summary>
        public long At(int i, int j)
        {
            var w = j - low[i];
            return w < 0 || w >= offset[i + 1] - offset[i] ? -1 : PairMoves * (offset[i] + w);
        }
    }

    private static int MaximumWidth(long[] offset, int n)
    {
        long widest = 0;
        for (var i = 0; i <= n; i++)
        {
            widest = Math.Max(widest, offset[i + 1] - offset[i]);
        }

        return (int)widest;
    }

    // Whether the path's touch of the band's edge at bead k says the band is too narrow: the bead is in a parallel
    // stretch, or in a run of unpaired sentences next to one (the path left the band to follow translations, or a
    // one-sided stretch such as a deletion sits between two parallel stretches that a wider band may join). A run that
    // touches the edge far from any parallel stretch is text without translations nearby: a wider band would only find
    // more of it, so the band stops growing there (two unrelated texts cost one search instead of a quadratic one).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool NearParallelStretch(List<Bead> path, int k)
    {
        if (IsPair(path[k]))
        {
            return InParallelStretch(path, k);
        }

        var before = k;
        while (before >= 0 && !IsPair(path[before]))
        {
            before--;
        }

        var after = k;
        while (after < path.Count && !IsPair(path[after]))
        {
            after++;
        }

        return (before >= 0 && InParallelStretch(path, before)) || (after < path.Count && InParallelStretch(path, after));
    }

    // At least StretchPairs of the pair beads within StretchReach beads of pair bead k, itself included: one pair
    // alone among unpaired sentences may be chance.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool InParallelStretch(List<Bead> path, int k)
    {
        var pairs = 0;
        for (var q = Math.Max(0, k - StretchReach); q <= Math.Min(path.Count - 1, k + StretchReach); q++)
        {
            pairs += IsPair(path[q]) ? 1 : 0;
        }

        return pairs >= StretchPairs;
    }

    private static bool IsPair(Bead bead) => bead.Kind is not (BeadKind.OneToZero or BeadKind.ZeroToOne);

    private static double Cell(double[] cost, long[] offset, int[] low, int i, int j)
    {
        if (i < 0 || j < 0)
        {
            return double.PositiveInfinity;
        }

        var w = j - low[i];
        var width = offset[i + 1] - offset[i];
        return w < 0 || w >= width ? double.PositiveInfinity : cost[offset[i] + w];
    }

    // A move without a pair (1-0, 0-1).
    private static void Consider(ref double best, ref byte move, byte candidate, double previous, double beadCost)
    {
        if (double.IsPositiveInfinity(previous) || previous + beadCost >= best)
        {
            return;
        }

        best = previous + beadCost;
        move = candidate;
    }

    // A pair bead, whose score was computed beforehand.
    private static void Consider(ref double best, ref byte move, byte candidate, double previous, double beadCost, double score)
    {
        if (double.IsPositiveInfinity(previous))
        {
            return;
        }

        var total = previous + beadCost;
        total -= score;
        if (total < best)
        {
            best = total;
            move = candidate;
        }
    }

    private List<Bead> Score(Input input, List<Bead> path)
    {
        var result = new List<Bead>(path.Count);
        var n = input.English.Count;
        var m = input.Vietnamese.Count;
        foreach (var bead in path)
        {
            double score;
            switch (bead.Kind)
            {
                case BeadKind.OneToZero:
                    score = 1 - Math.Max(Pair(input, bead.EnglishStart, bead.VietnameseStart - 1), Pair(input, bead.EnglishStart, bead.VietnameseStart));
                    break;
                case BeadKind.ZeroToOne:
                    score = 1 - Math.Max(Pair(input, bead.EnglishStart - 1, bead.VietnameseStart), Pair(input, bead.EnglishStart, bead.VietnameseStart));
                    break;
                default:
                    score = input.MayPair(bead.EnglishStart, bead.EnglishCount, bead.VietnameseStart, bead.VietnameseCount)
                        ? PairScorer.Probability(scorer.Score(input.EnglishSpan(bead.EnglishStart, bead.EnglishCount), input.VietnameseSpan(bead.VietnameseStart, bead.VietnameseCount)))
                        : 0;
                    break;
            }

            result.Add(bead with { Score = Math.Clamp(score, 0, 1) });
        }

        return result;

        double Pair(Input data, int i, int j) => i < 0 || j < 0 || i >= n || j >= m || !data.MayPair(i, 1, j, 1)
            ? 0
            : PairScorer.Probability(scorer.Score(data.English[i], data.Vietnamese[j]));
    }

    /// <summary>
    /// The sentences of both sides, with the features of each pair of neighbours computed once, and the mask of the
    /// sentences that may pair at all: page furniture and paragraphs in the other language never do (no bead that
    /// pairs one of them is ever scored or chosen).
    /// </summary>
    private sealed class Input
    {
        private readonly SentenceFeatures[] englishPairs;
        private readonly SentenceFeatures[] vietnamesePairs;
        private readonly bool[] englishMayPair;
        private readonly bool[] vietnameseMayPair;

        public Input(IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese)
        {
            English = english;
            Vietnamese = vietnamese;
            englishPairs = Pairs(english);
            vietnamesePairs = Pairs(vietnamese);
            englishMayPair = [.. english.Select(f => !f.IsFurniture && !f.IsOtherLanguage)];
            vietnameseMayPair = [.. vietnamese.Select(f => !f.IsFurniture && !f.IsOtherLanguage)];
        }

        /// <summary>Whether the English sentences [i, i + englishCount) and the Vietnamese [j, j + vietnameseCount) may form a bead.</summary>
        public bool MayPair(int i, int englishCount, int j, int vietnameseCount) =>
            englishMayPair[i] && (englishCount == 1 || englishMayPair[i + 1]) && vietnameseMayPair[j] && (vietnameseCount == 1 || vietnameseMayPair[j + 1]);

        public IReadOnlyList<SentenceFeatures> English { get; }

        public IReadOnlyList<SentenceFeatures> Vietnamese { get; }

        public SentenceFeatures EnglishSpan(int start, int count) => count == 1 ? English[start] : englishPairs[start];

        public SentenceFeatures VietnameseSpan(int start, int count) => count == 1 ? Vietnamese[start] : vietnamesePairs[start];

        private static SentenceFeatures[] Pairs(IReadOnlyList<SentenceFeatures> sentences)
        {
            var pairs = new SentenceFeatures[Math.Max(0, sentences.Count - 1)];
            for (var i = 0; i < pairs.Length; i++)
            {
                pairs[i] = SentenceFeatures.Combine(sentences[i], sentences[i + 1]);
            }

            return pairs;
        }
    }
}
