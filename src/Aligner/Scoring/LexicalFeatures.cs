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
        var units = new List<int>(first.Units.Length + second.Units.Length);
        units.AddRange(first.Units);
        units.AddRange(second.Units);
        var expanded = new List<long>(first.Expanded.Length + second.Expanded.Length);
        expanded.AddRange(first.Expanded);
        var shift = first.Positions;
        foreach (var e in second.Expanded)
        {
            expanded.Add(e + shift);
        }

        float[]? chance = null;
        if (first.Chance is not null || second.Chance is not null)
        {
            chance = new float[first.Positions + second.Positions];
            first.Chance?.CopyTo(chance, 0);
            second.Chance?.CopyTo(chance, first.Positions);
        }

        return Build(units, expanded, first.Positions + second.Positions, first.Known + second.Known, chance);
    }

    /// <summary>Counts the positions of <paramref name="source"/> with a translation among the units of <paramref name="target"/>.</summary>
    public static int Covered(LexicalFeatures source, LexicalFeatures target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var hits = Hits(source, target);
        if (hits.IsEmpty)
        {
            return 0;
        }

        Span<ulong> seen = PositionSet(source.Positions, stackalloc ulong[StackWords]);
        var covered = 0;
        foreach (var e in hits)
        {
            covered += Add(seen, (int)(e & PositionMask)) ? 1 : 0;
        }

        return covered;
    }

    /// <summary>
    /// The per-word coverage log-likelihood ratio of <paramref name="source"/> against <paramref name="target"/>:
    /// each covered position adds log((1 − (1 − a)·M) / (1 − M)) with M = exp(−m·(λ₀ + s·λ_p)) the chance that
    /// none of the m known target words translates it (λ_p = <see cref="Chance"/>), each uncovered one log(1 − a).
    /// <paramref name="gain"/> tabulates the first for 1 − a = e^<paramref name="logMissTranslated"/>.
    /// </summary>
    internal static double CoverageScore(LexicalFeatures source, LexicalFeatures target, double logMissTranslated, double background, double scale, CoverageGain gain)
    {
        var chance = source.Chance!;
        var m = Math.Max(target.Known, 1);
        var score = 0.0;
        var covered = 0;
        var hits = Hits(source, target);
        if (!hits.IsEmpty)
        {
            Span<ulong> seen = PositionSet(source.Positions, stackalloc ulong[StackWords]);
            foreach (var e in hits)
            {
                var p = (int)(e & PositionMask);
                if (Add(seen, p))
                {
                    covered++;
                    score += gain.Evaluate(m * (background + (scale * chance[p])));
                }
            }
        }

        return score + ((source.Known - covered) * logMissTranslated);
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
        var hits = Hits(source, target);
        if (!hits.IsEmpty)
        {
            Span<ulong> seen = PositionSet(source.Positions, stackalloc ulong[StackWords]);
            foreach (var e in hits)
            {
                var p = (int)(e & PositionMask);
                if (Add(seen, p))
                {
                    score += gain.Evaluate(m * (background + (scale * chance[p])));
                }
            }
        }

        return score;
    }

    /// <summary>Marks the positions of <paramref name="source"/> with a translation among the units of <paramref name="target"/>.</summary>
    internal static void MarkCovered(LexicalFeatures source, LexicalFeatures target, Span<bool> covered)
    {
        covered.Clear();
        foreach (var e in Hits(source, target))
        {
            covered[(int)(e & PositionMask)] = true;
        }
    }

    // The entries of source.Expanded whose translation is one of target's units, in Expanded's order (the order of a
    // merge of the two sorted lists). They are gathered without branching on membership, which mispredicts. The span
    // is a per-thread buffer, valid until the next call on the thread.
    private static Span<long> Hits(LexicalFeatures source, LexicalFeatures target)
    {
        var expanded = source.Expanded;
        var units = target.Units;
        if (expanded.Length == 0 || units.Length == 0)
        {
            return [];
        }

        var hits = HitBuffer(expanded.Length);
        var n = 0;
        var targetUnits = MarkUnits(units);
        try
        {
            var last = units[^1];
            foreach (var e in expanded)
            {
                var id = (int)(e >> PositionBits);
                if (id > last)
                {
                    break;
                }

                hits[n] = e;
                n += (int)((targetUnits[id >> 6] >> id) & 1);
            }
        }
        finally
        {
            UnmarkUnits(targetUnits, units);
        }

        return hits[..n];
    }

    private const long PositionMask = (1L << PositionBits) - 1;

    // One bit per unit id, set for the target's units during a comparison and cleared after it: a membership test per
    // translation instead of merging two sorted lists, whose unpredictable branches made most of the scoring time.
    [ThreadStatic]
    private static ulong[]? unitSet;

    [ThreadStatic]
    private static long[]? hitBuffer;

    private static Span<long> HitBuffer(int length)
    {
        var buffer = hitBuffer;
        if (buffer is null || buffer.Length < length)
        {
            hitBuffer = buffer = new long[Math.Max(length, 1024)];
        }

        return buffer;
    }

    private static ulong[] MarkUnits(int[] units)
    {
        var set = unitSet;
        var words = (units[^1] >> 6) + 1;
        if (set is null || set.Length < words)
        {
            unitSet = set = new ulong[Math.Max(words, set?.Length * 2 ?? 1024)];
        }

        foreach (var u in units)
        {
            set[u >> 6] |= 1UL << u;
        }

        return set;
    }

    private static void UnmarkUnits(ulong[] set, int[] units)
    {
        foreach (var u in units)
        {
            set[u >> 6] = 0;
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
