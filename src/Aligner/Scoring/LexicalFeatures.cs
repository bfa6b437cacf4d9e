using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Aligner.Tokenization;

namespace Aligner.Scoring;

/// <summary>
/// The lexicon's view of one span: the ids of its own words (for the other side to look up), and for each of its
/// word positions the ids of that word's likely translations. Two spans are compared by how many positions of each
/// have a translation on the other side.
/// </summary>
/// <remarks>Immutable once built.</remarks>
internal sealed class LexicalFeatures
{
    // Translations less likely than this are noise that covers unrelated sentences by chance (0.05 gave the best
    // FLORES retrieval of 0, 0.05, 0.1 and 0.2, with a lexicon that had not seen FLORES).
    internal const float MinimumProbability = 0.05f;

    /// <summary>Bits of an <see cref="Expanded"/> entry that hold the position; the translation id is above them.</summary>
    public const int PositionBits = 20;

    /// <summary>No lexical evidence.</summary>
    public static readonly LexicalFeatures Empty = new([], [], 0, 0, null);

    private LexicalFeatures(int[] units, long[] expanded, int positions, int known, float[]? chance)
    {
        Units = units;
        Expanded = expanded;
        Positions = positions;
        Known = known;
        Chance = chance;
        (ids, idStarts) = Groups(expanded);
    }

    /// <summary>
    /// For each position, −ln(1 − q) where q is the chance that one word of unrelated text in the other language
    /// translates it (the lexicon's per-word rates; a Vietnamese position credited by a syllable and a syllable pair
    /// sums both); 0 for positions without translations. Null when the lexicon has no chance rates.
    /// </summary>
    public float[]? Chance { get; }

    /// <summary>Sorted distinct ids of the span's own lexical units.</summary>
    public int[] Units { get; }

    /// <summary>Sorted <c>(translation id &lt;&lt; 20) | position</c> for every translation of every position.</summary>
    public long[] Expanded { get; }

    /// <summary>Number of word positions in the span.</summary>
    public int Positions { get; }

    /// <summary>Number of positions whose word the lexicon can translate.</summary>
    public int Known { get; }

    /// <summary>Lexical features of an English span.</summary>
    public static LexicalFeatures English(ReadOnlySpan<char> text, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        if (lexicon.EnglishCount == 0)
        {
            return Empty;
        }

        var words = LexicalTokenizer.EnglishWords(text);
        var units = new List<int>(words.Count);
        var expanded = new List<long>(words.Count * 4);
        var known = new HashSet<int>();
        var chance = lexicon.HasChanceRates ? new float[words.Count] : null;
        for (var p = 0; p < words.Count && p < (1 << PositionBits); p++)
        {
            var id = lexicon.EnglishId(words[p]);
            if (id < 0)
            {
                continue;
            }

            units.Add(id);
            foreach (var tr in lexicon.TranslationsOfEnglish(id))
            {
                if (tr.Probability < MinimumProbability)
                {
                    continue;
                }

                expanded.Add(((long)tr.Target << PositionBits) | (uint)p);
                if (known.Add(p) && chance is not null)
                {
                    chance[p] = (float)-Math.Log(1 - lexicon.EnglishChance(id));
                }
            }
        }

        return Build(units, expanded, words.Count, known.Count, chance);
    }

    /// <summary>Lexical features of a Vietnamese span: syllables, and pairs of syllables credited to both.</summary>
    public static LexicalFeatures Vietnamese(ReadOnlySpan<char> text, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        if (lexicon.VietnameseCount == 0)
        {
            return Empty;
        }

        var syllables = LexicalTokenizer.VietnameseSyllables(text);
        var units = new List<int>(syllables.Count * 2);
        var expanded = new List<long>(syllables.Count * 4);
        var known = new HashSet<int>();
        var chance = lexicon.HasChanceRates ? new float[syllables.Count] : null;
        for (var p = 0; p < syllables.Count && p + 1 < (1 << PositionBits); p++)
        {
            Credit(lexicon.VietnameseId(syllables[p]), p, p);
            if (p + 1 < syllables.Count)
            {
                Credit(lexicon.VietnameseId(LexicalTokenizer.Join(syllables[p], syllables[p + 1])), p, p + 1);
            }
        }

        return Build(units, expanded, syllables.Count, known.Count, chance);

        void Credit(int id, int first, int last)
        {
            if (id < 0)
            {
                return;
            }

            units.Add(id);
            var translated = false;
            foreach (var tr in lexicon.TranslationsOfVietnamese(id))
            {
                if (tr.Probability < MinimumProbability)
                {
                    continue;
                }

                translated = true;
                for (var p = first; p <= last; p++)
                {
                    expanded.Add(((long)tr.Target << PositionBits) | (uint)p);
                    known.Add(p);
                }
            }

            if (translated && chance is not null)
            {
                var rate = (float)-Math.Log(1 - lexicon.VietnameseChance(id));
                for (var p = first; p <= last; p++)
                {
                    chance[p] += rate;
                }
            }
        }
    }

    /// <summary>The features of two consecutive spans taken together.</summary>
    public static LexicalFeatures Combine(LexicalFeatures first, LexicalFeatures second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        float[]? chance = null;
        if (first.Chance is not null || second.Chance is not null)
        {
            chance = new float[first.Positions + second.Positions];
            first.Chance?.CopyTo(chance, 0);
            second.Chance?.CopyTo(chance, first.Positions);
        }

        // Both parts are sorted (the second's positions move past the first's, which keeps its order): merging them gives
        // what sorting them together gives, without the sort (the aligner combines every pair of neighbours).
        return new LexicalFeatures(
            MergeDistinct(first.Units, second.Units),
            Merge(first.Expanded, second.Expanded, first.Positions),
            first.Positions + second.Positions,
            first.Known + second.Known,
            chance);
    }

    // The sorted union of two sorted arrays of distinct ids.
    private static int[] MergeDistinct(int[] a, int[] b)
    {
        var merged = new int[a.Length + b.Length];
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            var next = Math.Min(a[i], b[j]);
            i += a[i] == next ? 1 : 0;
            j += b[j] == next ? 1 : 0;
            merged[n++] = next;
        }

        a.AsSpan(i).CopyTo(merged.AsSpan(n));
        n += a.Length - i;
        b.AsSpan(j).CopyTo(merged.AsSpan(n));
        n += b.Length - j;
        return n == merged.Length ? merged : merged[..n];
    }

    // The sorted entries of a and of b + shift (both sorted).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static long[] Merge(long[] a, long[] b, long shift)
    {
        var merged = new long[a.Length + b.Length];
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            merged[n++] = a[i] <= b[j] + shift ? a[i++] : b[j++] + shift;
        }

        while (i < a.Length)
        {
            merged[n++] = a[i++];
        }

        while (j < b.Length)
        {
            merged[n++] = b[j++] + shift;
        }

        return merged;
    }

    /// <summary>Counts the positions of <paramref name="source"/> with a translation among the units of <paramref name="target"/>.</summary>
    public static int Covered(LexicalFeatures source, LexicalFeatures target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return CoveredPositions(source, target).Length;
    }

    /// <summary>
    /// The per-word coverage log-likelihood ratio of <paramref name="source"/> against <paramref name="target"/>:
    /// each covered position adds log((1 − (1 − a)·M) / (1 − M)) with M = exp(−m·(λ₀ + s·λ_p)) the chance that
    /// none of the m known target words translates it (λ_p = <see cref="Chance"/>), each uncovered one log(1 − a).
    /// <paramref name="gain"/> tabulates the first for 1 − a = e^<paramref name="logMissTranslated"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static double CoverageScore(LexicalFeatures source, LexicalFeatures target, double logMissTranslated, double background, double scale, CoverageGain gain)
    {
        var chance = source.Chance!;
        var m = Math.Max(target.Known, 1);
        var score = 0.0;
        var covered = CoveredPositions(source, target);
        foreach (var p in covered)
        {
            score += gain.Evaluate(m * (background + (scale * chance[p])));
        }

        return score + ((source.Known - covered.Length) * logMissTranslated);
    }

    /// <summary>
    /// The part of <see cref="CoverageScore"/> that covered positions earn, without the cost of the uncovered ones: what a
    /// retelling keeps of a statement, whatever it adds or drops (a word left out of a paraphrase is not a contradiction).
    /// </summary>
    internal static double CoveredEvidence(LexicalFeatures source, LexicalFeatures target, double background, double scale, CoverageGain gain)
    {
        var chance = source.Chance!;
        var m = Math.Max(target.Known, 1);
        var score = 0.0;
        foreach (var p in CoveredPositions(source, target))
        {
            score += gain.Evaluate(m * (background + (scale * chance[p])));
        }

        return score;
    }

    /// <summary>Marks the positions of <paramref name="source"/> with a translation among the units of <paramref name="target"/>.</summary>
    internal static void MarkCovered(LexicalFeatures source, LexicalFeatures target, Span<bool> covered)
    {
        covered.Clear();
        foreach (var p in CoveredPositions(source, target))
        {
            covered[p] = true;
        }
    }

    // The positions of source with a translation among target's units, each once, in the order in which a walk through
    // Expanded (sorted by translation id, then position) first meets them: the order the coverage score adds them in.
    // The span is a per-thread buffer, valid until the third call on the thread after this one: the last two answers
    // are kept, because a comparable-text score asks the same two directions of one pair three times.
    private static ReadOnlySpan<int> CoveredPositions(LexicalFeatures source, LexicalFeatures target)
    {
        var state = coverageState ??= new CoverageState();
        if (ReferenceEquals(state.Source0, source) && ReferenceEquals(state.Target0, target))
        {
            return state.Positions0.AsSpan(0, state.Count0);
        }

        if (ReferenceEquals(state.Source1, source) && ReferenceEquals(state.Target1, target))
        {
            return state.Positions1.AsSpan(0, state.Count1);
        }

        // Replace the older answer.
        var first = state.NextAnswer == 0;
        state.NextAnswer ^= 1;
        var buffer = first ? state.Positions0 : state.Positions1;
        if (buffer.Length < source.Positions)
        {
            buffer = new int[Math.Max(source.Positions, buffer.Length * 2)];
        }

        var count = FindCovered(state, source, target, buffer);
        if (first)
        {
            (state.Source0, state.Target0, state.Positions0, state.Count0) = (source, target, buffer, count);
        }
        else
        {
            (state.Source1, state.Target1, state.Positions1, state.Count1) = (source, target, buffer, count);
        }

        return buffer.AsSpan(0, count);
    }

    // The covered positions of source (see CoveredPositions): a walk through the distinct translation ids of source
    // (sorted) gathers, without branching on membership (which mispredicts), those among target's units; then the
    // positions of each such id, in Expanded's order, each at its first. The walk is the hot loop of pair scoring: it
    // reads the arrays without bounds checks (every index is below the length it was checked against).
    private static int FindCovered(CoverageState state, LexicalFeatures source, LexicalFeatures target, int[] found)
    {
        var ids = source.ids;
        var units = target.Units;
        if (ids.Length == 0 || units.Length == 0)
        {
            return 0;
        }

        var targetUnits = state.MarkedUnits(target);
        if (state.Hits.Length < ids.Length)
        {
            state.Hits = new int[Math.Max(ids.Length, state.Hits.Length * 2)];
        }

        // targetUnits covers every unit of target (up to units[^1]); ids above it are not among them and end the walk.
        ref var hits = ref MemoryMarshal.GetArrayDataReference(state.Hits);
        ref var id0 = ref MemoryMarshal.GetArrayDataReference(ids);
        ref var set = ref MemoryMarshal.GetArrayDataReference(targetUnits);
        var n = 0;
        var last = units[^1];
        for (var k = 0; k < ids.Length; k++)
        {
            var id = Unsafe.Add(ref id0, k);
            if (id > last)
            {
                break;
            }

            Unsafe.Add(ref hits, n) = k;
            n += (int)((Unsafe.Add(ref set, id >> 6) >> id) & 1);
        }

        if (n == 0)
        {
            return 0;
        }

        var expanded = source.Expanded;
        var starts = source.idStarts;
        Span<ulong> seen = PositionSet(source.Positions, stackalloc ulong[StackWords]);
        var count = 0;
        foreach (var k in state.Hits.AsSpan(0, n))
        {
            for (var e = starts[k]; e < starts[k + 1]; e++)
            {
                var p = (int)(expanded[e] & PositionMask);
                if (Add(seen, p))
                {
                    found[count++] = p;
                }
            }
        }

        return count;
    }

    // The distinct translation ids of Expanded (sorted) and where each one's entries start, with the end at the last.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (int[] Ids, int[] Starts) Groups(long[] expanded)
    {
        var distinct = 0;
        for (var k = 0; k < expanded.Length; k++)
        {
            distinct += k == 0 || (expanded[k] >> PositionBits) != (expanded[k - 1] >> PositionBits) ? 1 : 0;
        }

        var ids = new int[distinct];
        var starts = new int[distinct + 1];
        var g = 0;
        for (var k = 0; k < expanded.Length; k++)
        {
            if (k == 0 || (expanded[k] >> PositionBits) != (expanded[k - 1] >> PositionBits))
            {
                ids[g] = (int)(expanded[k] >> PositionBits);
                starts[g++] = k;
            }
        }

        starts[distinct] = expanded.Length;
        return (ids, starts);
    }

    private const long PositionMask = (1L << PositionBits) - 1;

    private readonly int[] ids;
    private readonly int[] idStarts;

    [ThreadStatic]
    private static CoverageState? coverageState;

    // What coverage keeps on a thread: the last two answers of CoveredPositions, the units of the last few targets marked
    // one bit per unit id (the aligner compares one span with many, a row of its band, and the two spans of a pair in
    // both directions), and the buffer of FindCovered.
    private sealed class CoverageState
    {
        private const int MarkedTargets = 4;
        private readonly LexicalFeatures?[] targets = new LexicalFeatures?[MarkedTargets];
        private readonly ulong[]?[] sets = new ulong[]?[MarkedTargets];
        private int nextMarked;

        public LexicalFeatures? Source0 { get; set; }

        public LexicalFeatures? Target0 { get; set; }

        public int[] Positions0 { get; set; } = new int[256];

        public int Count0 { get; set; }

        public LexicalFeatures? Source1 { get; set; }

        public LexicalFeatures? Target1 { get; set; }

        public int[] Positions1 { get; set; } = new int[256];

        public int Count1 { get; set; }

        public int NextAnswer { get; set; }

        public int[] Hits { get; set; } = new int[1024];

        /// <summary>A bit set for every unit of <paramref name="target"/>, at least up to its last unit.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public ulong[] MarkedUnits(LexicalFeatures target)
        {
            for (var k = 0; k < MarkedTargets; k++)
            {
                if (ReferenceEquals(targets[k], target))
                {
                    return sets[k]!;
                }
            }

            // Replace the oldest set.
            var slot = nextMarked;
            nextMarked = (slot + 1) % MarkedTargets;
            var set = sets[slot];
            if (targets[slot] is { } old)
            {
                foreach (var u in old.Units)
                {
                    set![u >> 6] = 0;
                }
            }

            var units = target.Units;
            var words = (units[^1] >> 6) + 1;
            if (set is null || set.Length < words)
            {
                set = new ulong[Math.Max(words, set?.Length * 2 ?? 1024)];
            }

            foreach (var u in units)
            {
                set[u >> 6] |= 1UL << u;
            }

            targets[slot] = target;
            sets[slot] = set;
            return set;
        }
    }

    // A bit per position marks the covered ones: 64 bytes on the stack cover spans of up to 512 words.
    private const int StackWords = 8;

    private static Span<ulong> PositionSet(int positions, Span<ulong> stack)
    {
        var words = (positions + 63) >> 6;
        var set = words <= stack.Length ? stack[..words] : new ulong[words];
        set.Clear();
        return set;
    }

    // Marks position p; false when it was already marked.
    private static bool Add(Span<ulong> set, int p)
    {
        var bit = 1UL << p;
        ref var word = ref set[p >> 6];
        if ((word & bit) != 0)
        {
            return false;
        }

        word |= bit;
        return true;
    }

    /// <summary>Whether position <paramref name="p"/> has translations (counts in <see cref="Known"/>).</summary>
    internal bool IsKnown(int p)
    {
        // Expanded is sorted by translation id, not position; the chance rate is positive exactly at known positions.
        return Chance is not null && Chance[p] > 0;
    }

    private static LexicalFeatures Build(List<int> units, List<long> expanded, int positions, int known, float[]? chance)
    {
        units.Sort();
        var distinct = units.Count == 0 ? [] : new List<int>(units.Count) { units[0] };
        for (var k = 1; k < units.Count; k++)
        {
            if (units[k] != units[k - 1])
            {
                distinct.Add(units[k]);
            }
        }

        expanded.Sort();
        return new LexicalFeatures([.. distinct], [.. expanded], positions, known, chance);
    }
}
