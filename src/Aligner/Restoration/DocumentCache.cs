using System.Text;
using Aligner.Normalization;

namespace Aligner.Restoration;

/// <summary>
/// What the accented Vietnamese of a document says about its bare syllables: how often each form of a key is
/// written there. A caption typed without marks on a page full of accented teasers (<c>Pham Minh Chinh</c> beside
/// <c>Phạm Minh Chính</c>) is restored with the forms the page itself uses.
/// </summary>
/// <remarks>
/// <para>Each candidate form <c>f</c> of a bare key with <c>k</c> forms gets the bonus
/// γ·ln(k·(c(f) + α) / (c(key) + α·k)) added to its log-probability, where <c>c</c> counts the syllables of the
/// accented lines of the context (γ: <see cref="DiacriticRestorerOptions.CacheWeight"/>, α:
/// <see cref="DiacriticRestorerOptions.CacheSmoothing"/>). A key the context never writes gets no bonus.</para>
/// <para>Pairs count too: a form <c>f</c> right after the syllable <c>p</c> gets 3γ·ln(k·(c(p f) + α) / (c(p key) + α·k))
/// when the accented lines write <c>p</c> followed by a form of that key (after <c>con</c>, a page that writes
/// <c>con lợn</c> favours <c>lợn</c> over <c>lớn</c>); the restorer's own choices in its second pass count as single syllables only.</para>
/// <para>Only lines that are typed with diacritics count (at least <see cref="DiacriticRestorerOptions.AccentedShare"/>
/// of their Vietnamese syllables carry marks): a line typed without them says nothing about its marks.</para>
/// <para>Immutable and thread-safe. Built by <see cref="DiacriticRestorer.CreateCache(ReadOnlySpan{char})"/> for
/// the model of that restorer; memory is one float per vocabulary entry when anything was counted, plus one entry per
/// form of each (syllable, key) pair the accented lines write.</para>
/// </remarks>
public sealed class DocumentCache
{
    private readonly float[]? bonus;
    private readonly Dictionary<int, float> counts;
    private readonly Dictionary<long, float>? pairBonus;

    private DocumentCache(SyllableLanguageModel model, Dictionary<int, float> counts, float[]? bonus, int syllableCount, Dictionary<long, float>? pairBonus = null)
    {
        Model = model;
        this.counts = counts;
        this.bonus = bonus;
        SyllableCount = syllableCount;
        this.pairBonus = pairBonus;
    }

    /// <summary>A cache that has counted nothing.</summary>
    internal static DocumentCache Empty(SyllableLanguageModel model) => new(model, [], null, 0);

    /// <summary>True when the cache knows pairs of syllables (then <see cref="PairBonus"/> may be non-zero).</summary>
    internal bool HasPairs => pairBonus is not null;

    /// <summary>The bonus of form <paramref name="id"/> right after <paramref name="previous"/> (0 when the pair's key was never seen).</summary>
    internal float PairBonus(int previous, int id) =>
        pairBonus is not null && pairBonus.TryGetValue(((long)previous << 32) | (uint)id, out var b) ? b : 0f;

    /// <summary>The model whose syllables the cache counts.</summary>
    internal SyllableLanguageModel Model { get; }

    /// <summary>The number of syllables counted: those of the context's accented lines that the model knows.</summary>
    public int SyllableCount { get; }

    /// <summary>True when nothing was counted (the cache changes no decision).</summary>
    public bool IsEmpty => bonus is null;

    /// <summary>The log-probability bonus of form <paramref name="id"/> (0 when its key was never seen).</summary>
    internal float Bonus(int id) => bonus is null ? 0f : bonus[id];

    /// <summary>
    /// This cache with <paramref name="extra"/> counts added, each weighing <paramref name="extraWeight"/> of an
    /// accented syllable: the restorer's own sure choices in its second pass.
    /// </summary>
    internal DocumentCache With(Dictionary<int, int> extra, double extraWeight, DiacriticRestorerOptions options)
    {
        var merged = new Dictionary<int, float>(counts);
        foreach (var (id, count) in extra)
        {
            merged[id] = merged.GetValueOrDefault(id) + (float)(count * extraWeight);
        }

        return new DocumentCache(Model, merged, Bonuses(Model, merged, options.CacheWeight, options.CacheSmoothing, counts), SyllableCount, pairBonus);
    }

    // A key the document's accented lines never write has only the second pass's own choices to go by: its bonus weighs
    // 1.5γ (chosen on NTREX-128 dev stripped with baomoi beside it, γ = 1: 1 → 97.56 / 94.99 %, 1.5 → 97.58 / 95.05 %,
    // 2 → 97.52 / 95.04 %). Per key, so that a cache restricted to the keys of the restored text gives the same bonuses.
    private const double SelfOnlyScale = 1.5;

    /// <summary>The bonuses of the counted forms' keys (null when nothing was counted or the weight is 0).</summary>
    private static float[]? Bonuses(SyllableLanguageModel model, Dictionary<int, float> counts, double weight, double smoothing, Dictionary<int, float>? written = null)
    {
        if (counts.Count == 0 || weight == 0)
        {
            return null;
        }

        var bonus = new float[model.VocabularySize];
        var done = new HashSet<int[]>(ReferenceEqualityComparer.Instance);
        foreach (var id in counts.Keys)
        {
            var list = model.CandidatesOf(VietnameseFolding.Fold(model.Form(id)));
            if (list is null || !done.Add(list))
            {
                continue;
            }

            double keyCount = 0;
            foreach (var form in list)
            {
                keyCount += counts.GetValueOrDefault(form);
            }

            var k = list.Length;
            var keyWeight = weight;
            if (written is not null)
            {
                var writtenCount = 0f;
                foreach (var form in list)
                {
                    writtenCount += written.GetValueOrDefault(form);
                }

                keyWeight = writtenCount == 0 ? weight * SelfOnlyScale : weight;
            }

            foreach (var form in list)
            {
                bonus[form] = (float)(keyWeight * Math.Log(k * (counts.GetValueOrDefault(form) + smoothing) / (keyCount + (smoothing * k))));
            }
        }

        return bonus;
    }

    // The weight of a pair's bonus, as a multiple of γ (chosen on NTREX-128 dev, half-accented documents:
    // 0.5 → 97.16 %, 1 → 97.20 %, 2 → 97.22 %, 3 → 97.27 %, 5 and 8 → 97.24 %; no pairs 97.12 %).
    private const double PairWeight = 3;

    /// <summary>The bonuses of the forms of a key after a given syllable, for every (previous, key) the context writes.</summary>
    private static Dictionary<long, float>? PairBonuses(SyllableLanguageModel model, Dictionary<long, int> pairs, double weight, double smoothing)
    {
        if (pairs.Count == 0 || weight == 0)
        {
            return null;
        }

        var result = new Dictionary<long, float>();
        foreach (var pair in pairs.Keys)
        {
            var previous = (int)(pair >> 32);
            var id = (int)(uint)pair;
            var list = model.CandidatesOf(VietnameseFolding.Fold(model.Form(id)));
            if (list is null || result.ContainsKey(((long)previous << 32) | (uint)list[0]))
            {
                continue;
            }

            double keyCount = 0;
            foreach (var form in list)
            {
                keyCount += pairs.GetValueOrDefault(((long)previous << 32) | (uint)form);
            }

            var k = list.Length;
            foreach (var form in list)
            {
                var c = pairs.GetValueOrDefault(((long)previous << 32) | (uint)form);
                result[((long)previous << 32) | (uint)form] = (float)(weight * Math.Log(k * (c + smoothing) / (keyCount + (smoothing * k))));
            }
        }

        return result;
    }

    /// <summary>Counts the accented lines of <paramref name="contexts"/> and turns the counts into bonuses.</summary>
    internal static DocumentCache Build(SyllableLanguageModel model, DiacriticRestorerOptions options, IEnumerable<string> contexts)
    {
        var counter = new Counter(model, options.AccentedShare);
        foreach (var context in contexts)
        {
            ArgumentNullException.ThrowIfNull(context, nameof(contexts));
            counter.Add(context);
        }

        return counter.ToCache(options.CacheWeight, options.CacheSmoothing);
    }

    /// <summary>The cache of <paramref name="context"/> alone.</summary>
    internal static DocumentCache Build(SyllableLanguageModel model, DiacriticRestorerOptions options, ReadOnlySpan<char> context)
    {
        var counter = new Counter(model, options.AccentedShare);
        counter.Add(context);
        return counter.ToCache(options.CacheWeight, options.CacheSmoothing);
    }

    /// <summary>Restored text up to this many characters gets a cache of its own keys only (a longer one, the whole cache).</summary>
    internal const int MaximumRestrictedChars = 4096;

    // A line is looked at only when it holds one of the keys, tested with a search for each key up to this many keys.
    private const int MaximumLineKeys = 32;

    /// <summary>
    /// The cache of <paramref name="context"/> for restoring <paramref name="restored"/> alone: it counts only the forms
    /// of the keys that <paramref name="restored"/> writes as words (and the pairs that end in one), and skips the lines
    /// that write none of those keys as a word. Restoring <paramref name="restored"/> with it gives what the whole cache
    /// gives: a restoration asks the cache only about the forms of the keys of its words (the bonuses of a key depend on
    /// the counts of its own forms alone) and about pairs that end in one. <see cref="SyllableCount"/> counts only what
    /// was counted.
    /// </summary>
    internal static DocumentCache Build(SyllableLanguageModel model, DiacriticRestorerOptions options, ReadOnlySpan<char> context, ReadOnlySpan<char> restored)
    {
        if (restored.Length > MaximumRestrictedChars)
        {
            return Build(model, options, context);
        }

        // The keys of the restored text's words: a word is a run of letters, so its key is a word of the folded text.
        var written = new HashSet<string>(StringComparer.Ordinal);
        var folded = FoldLower(restored, new char[restored.Length]);
        var at = 0;
        while (at < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[at]))
            {
                at++;
                continue;
            }

            var start = at;
            while (at < folded.Length && char.IsLetterOrDigit(folded[at]))
            {
                at++;
            }

            written.Add(folded[start..at].ToString());
        }

        var keys = KeysOf(model);
        var allowed = new bool[model.VocabularySize];
        var lineKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var id = 0; id < keys.Length; id++)
        {
            if (keys[id] is { } key && written.Contains(key))
            {
                allowed[id] = true;
                lineKeys.Add(key);
            }
        }

        var counter = new Counter(model, options.AccentedShare) { Allowed = allowed, LineKeys = lineKeys.Count <= MaximumLineKeys ? [.. lineKeys] : null };
        counter.Add(context);
        return counter.ToCache(options.CacheWeight, options.CacheSmoothing);
    }

    // Each candidate form's key (folded, lower case); null for the ids that are no candidate.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyllableLanguageModel, string?[]> Keys = [];

    private static string?[] KeysOf(SyllableLanguageModel model) => Keys.GetValue(model, m =>
    {
        var keys = new string?[m.VocabularySize];
        for (var id = 0; id < keys.Length; id++)
        {
            keys[id] = m.IsCandidate(id) ? VietnameseFolding.Fold(m.Form(id)) : null;
        }

        return keys;
    });

    // The text folded to bare letters (marks dropped), in lower case, into buffer.
    private static ReadOnlySpan<char> FoldLower(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            var f = VietnameseFolding.Fold(c);
            if (f != '\0')
            {
                buffer[n++] = char.ToLowerInvariant(f);
            }
        }

        return buffer[..n];
    }

    private sealed class Counter(SyllableLanguageModel model, double accentedShare)
    {
        private readonly Dictionary<int, int> counts = [];
        private readonly Dictionary<long, int> pairs = [];
        private readonly List<Token> tokens = [];
        private readonly List<int> lineIds = [];
        private readonly List<long> linePairs = [];
        private readonly char[] scratch = new char[8];
        private char[] folded = [];
        private int total;

        /// <summary>The ids that are counted (alone and as the second of a pair); all when null.</summary>
        public bool[]? Allowed { get; init; }

        /// <summary>When set, a line is read only when its folded lower-case text holds one of these keys.</summary>
        public string[]? LineKeys { get; init; }

        public void Add(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                var end = text.IndexOf('\n');
                var line = end < 0 ? text : text[..end];
                text = end < 0 ? default : text[(end + 1)..];

                // A line of ASCII alone has no marks to learn from.
                if (line.ContainsAnyExceptInRange('\0', '\u007F') && HoldsKey(line))
                {
                    Line(line);
                }
            }
        }

        // Whether the line may write a form of one of LineKeys (always true without them).
        private bool HoldsKey(ReadOnlySpan<char> line)
        {
            if (LineKeys is null)
            {
                return true;
            }

            if (folded.Length < line.Length)
            {
                folded = new char[Math.Max(line.Length, 2 * folded.Length)];
            }

            var text = FoldLower(line, folded);
            foreach (var key in LineKeys)
            {
                // The key as a word: not inside a longer run of letters and digits.
                var from = 0;
                while (from < text.Length)
                {
                    var found = text[from..].IndexOf(key, StringComparison.Ordinal);
                    if (found < 0)
                    {
                        break;
                    }

                    var start = from + found;
                    var end = start + key.Length;
                    if ((start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                    {
                        return true;
                    }

                    from = start + 1;
                }
            }

            return false;
        }

        private void Line(ReadOnlySpan<char> line)
        {
            SyllableTokenizer.Tokenize(line, tokens);
            lineIds.Clear();
            linePairs.Clear();
            int vietnamese = 0, marked = 0;
            var previous = SyllableLanguageModel.Unknown;
            foreach (var token in tokens)
            {
                if (token.Kind != TokenKind.Word)
                {
                    previous = SyllableLanguageModel.Unknown;
                    continue;
                }

                var word = line.Slice(token.Start, token.Length);
                var hasMarks = word.ContainsAnyExceptInRange('\0', '\u007F');
                var id = IdOf(word, hasMarks);
                if (id == SyllableLanguageModel.Unknown)
                {
                    previous = id;
                    continue;
                }

                vietnamese++;
                marked += hasMarks ? 1 : 0;
                if (model.IsCandidate(id) && (Allowed is null || Allowed[id]))
                {
                    lineIds.Add(id);
                    if (previous != SyllableLanguageModel.Unknown)
                    {
                        linePairs.Add(((long)previous << 32) | (uint)id);
                    }
                }

                previous = id;
            }

            if (marked == 0 || marked < accentedShare * vietnamese)
            {
                return;
            }

            foreach (var id in lineIds)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
                total++;
            }

            foreach (var pair in linePairs)
            {
                pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
            }
        }

        private int IdOf(ReadOnlySpan<char> word, bool hasMarks)
        {
            // Decomposed marks (NFD text) are composed first; the model stores NFC.
            if (hasMarks && word.IndexOfAnyInRange('\u0300', '\u036F') >= 0)
            {
                var composed = word.ToString().Normalize(NormalizationForm.FormC);
                return composed.Length <= scratch.Length ? IdOf(composed.AsSpan(), hasMarks: false) : SyllableLanguageModel.Unknown;
            }

            if (!SyllableKey.TryCanonical(word, scratch, out var canonical) || !VietnameseLetters.IsSyllable(canonical))
            {
                return SyllableLanguageModel.Unknown;
            }

            return model.IdOf(canonical);
        }

        public DocumentCache ToCache(double weight, double smoothing)
        {
            var frozen = new Dictionary<int, float>(counts.Count);
            foreach (var (id, count) in counts)
            {
                frozen[id] = count;
            }

            return new DocumentCache(model, frozen, Bonuses(model, frozen, weight, smoothing), total, PairBonuses(model, pairs, weight * PairWeight, smoothing));
        }
    }
}
