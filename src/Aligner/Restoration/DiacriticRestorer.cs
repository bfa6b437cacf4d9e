using System.Collections.Frozen;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Normalization;
using Aligner.Segmentation;
using Aligner.Text;

namespace Aligner.Restoration;

/// <summary>
/// Restores the diacritics of Vietnamese typed without them: <c>"Thu tuong Chinh phu"</c> ⇒ <c>"Thủ tướng Chính phủ"</c>.
/// Each bare syllable can become any accented form the <see cref="SyllableLanguageModel"/> knows for it; a beam
/// search over the syllable trigram model picks the most likely sentence.
/// </summary>
/// <remarks>
/// <para>Only bare syllables in Vietnamese context change, letter for letter, so the result has the same length
/// and every offset of the original still holds. English and other foreign words, names the model does not know,
/// numbers, codes in capitals (<c>TTXVN</c>, <c>VGP</c>), URLs, punctuation, spacing and letter case are kept
/// exactly. Syllables that already carry marks are kept and constrain their neighbours; in text that is mostly
/// accented, bare syllables are taken as written.</para>
/// <para>Immutable and thread-safe: one instance can serve any number of threads.</para>
/// </remarks>
/// <example>
/// <code>
/// DiacriticRestorer.Default.Restore("Tong Bi thu, Chu tich nuoc. Anh: TTXVN");
/// // "Tổng Bí thư, Chủ tịch nước. Ảnh: TTXVN"
/// </code>
/// </example>
public sealed class DiacriticRestorer
{
    /// <summary>The resource name of the embedded model.</summary>
    internal const string EmbeddedModelName = "Aligner.Models.restorer.bin";

    private const int MaxSegment = 400;


    // English words that are also bare Vietnamese syllables: they count as weak evidence of English.
    private static readonly FrozenSet<string> EnglishWords = FrozenSet.ToFrozenSet(
        ["a", "an", "at", "be", "but", "can", "do", "go", "he", "i", "in", "it", "me", "my", "no", "not", "on", "so",
         "than", "that", "the", "then", "them", "to", "up", "men", "man", "ten", "long", "hot", "top", "pin", "bin", "chin"],
        StringComparer.Ordinal);

    // Frequent English words that are not Vietnamese syllables: their presence says the text has English in it.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishMarkerLookup = FrozenSet.ToFrozenSet(
        ["and", "of", "with", "was", "were", "is", "are", "for", "from", "this", "which", "said", "has", "have", "will",
         "would", "by", "its", "their", "been", "The", "And", "This", "In", "For"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup =
        EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Lazy<DiacriticRestorer> DefaultInstance =
        new(() => new DiacriticRestorer(LoadDefaultModel(), null, LanguageDetector.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] outputForms;
    private readonly int[]? photoLabel;

    /// <summary>Builds a restorer over <paramref name="model"/>.</summary>
    /// <param name="model">The syllable model.</param>
    /// <param name="options">The settings; <see cref="DiacriticRestorerOptions.Default"/> when null.</param>
    /// <param name="detector">
    /// When given, a line or sentence it calls English is left exactly as written, the Vietnamese names in it
    /// included (<c>The Prime Minister met Mr. Pham Minh Chinh in Hanoi</c>); <see cref="Default"/> has
    /// <see cref="LanguageDetector.Default"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal DiacriticRestorer(SyllableLanguageModel model, DiacriticRestorerOptions? options = null, LanguageDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= DiacriticRestorerOptions.Default;
        options.Validate();
        Model = model;
        Options = options;
        Detector = detector;
        var photo = model.IdOf("ảnh".AsSpan());
        photoLabel = photo != SyllableLanguageModel.Unknown ? [photo] : null;
        outputForms = new string[model.VocabularySize];
        for (var id = 0; id < outputForms.Length; id++)
        {
            var form = model.Form(id);
            outputForms[id] = options.ToneStyle == ToneMarkStyle.Old ? form : VietnameseNormalizer.PlaceToneMarks(form, options.ToneStyle);
        }
    }

    /// <summary>The restorer over the embedded model (trained on Vietnamese Wikipedia), loaded on first use.</summary>
    public static DiacriticRestorer Default => DefaultInstance.Value;

    /// <summary>The model this restorer decodes with.</summary>
    internal SyllableLanguageModel Model { get; }

    /// <summary>The options this restorer was built with.</summary>
    public DiacriticRestorerOptions Options { get; }

    /// <summary>The detector whose English lines and sentences are left as written, or null.</summary>
    public LanguageDetector? Detector { get; }

    /// <summary>Loads the model embedded in the library.</summary>
    internal static SyllableLanguageModel LoadDefaultModel() => ModelFile.LoadEmbedded(EmbeddedModelName, SyllableLanguageModel.Load);

    /// <summary>Writes the restorer's model (what <see cref="Create"/> reads).</summary>
    public void Save(Stream stream) => Model.Save(stream);

    /// <summary>This restorer's model with other options (the detector kept).</summary>
    public DiacriticRestorer WithOptions(DiacriticRestorerOptions options) => new(Model, options, Detector);

    /// <summary>This restorer's model and options with another detector (null: no line is kept as English).</summary>
    public DiacriticRestorer WithDetector(LanguageDetector? detector) => new(Model, Options, detector);

    /// <summary>Loads a model from <paramref name="modelStream"/> (see <see cref="SyllableLanguageModel.Load"/>) and builds a restorer.</summary>
    /// <exception cref="InvalidDataException">The stream is not a syllable model.</exception>
    public static DiacriticRestorer Create(Stream modelStream, DiacriticRestorerOptions? options = null, LanguageDetector? detector = null) =>
        new(SyllableLanguageModel.Load(modelStream), options, detector);

    /// <summary>
    /// Returns <paramref name="text"/> with the diacritics of bare Vietnamese syllables restored (same length). The
    /// accented lines of the text itself are its <see cref="DocumentCache"/>: a bare line is restored with the forms
    /// the rest of the text writes.
    /// </summary>
    /// <returns>The same instance when nothing changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public string Restore(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Restore(text, CreateCache(text), cancellationToken);
    }

    /// <summary>
    /// Returns <paramref name="text"/> with the diacritics of bare Vietnamese syllables restored (same length),
    /// favouring the forms <paramref name="cache"/> has seen; no cache when null.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="cache">What the document's accented text says (<see cref="CreateCache(ReadOnlySpan{char})"/>), or null.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    /// <returns>The same instance when nothing changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="cache"/> was built for another model.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <example>
    /// <code>
    /// var cache = restorer.CreateCache(wholePage);            // the page's accented teasers
    /// var caption = restorer.Restore("Thu tuong Pham Minh Chinh tiep ...", cache);
    /// </code>
    /// </example>
    public string Restore(string text, DocumentCache? cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckCache(cache);
        var output = text.ToCharArray();
        return new Decoder(this, cache).Run(text, output, null, cancellationToken) ? new string(output) : text;
    }

    /// <summary>Span overload of <see cref="Restore(string, CancellationToken)"/> (the span is its own cache).</summary>
    public string Restore(ReadOnlySpan<char> text, CancellationToken cancellationToken = default) =>
        Restore(text, CreateCache(text), cancellationToken);

    /// <summary>Span overload of <see cref="Restore(string, DocumentCache, CancellationToken)"/>.</summary>
    public string Restore(ReadOnlySpan<char> text, DocumentCache? cache, CancellationToken cancellationToken = default)
    {
        CheckCache(cache);
        var output = text.ToArray();
        new Decoder(this, cache).Run(text, output, null, cancellationToken);
        return new string(output);
    }

    /// <summary>
    /// Restores the normalised text of <paramref name="view"/>; the result keeps the view's map to the original,
    /// since restoration never changes lengths.
    /// </summary>
    public NormalizedText Restore(NormalizedText view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var restored = Restore(view.Text, cancellationToken);
        return ReferenceEquals(restored, view.Text) ? view : NormalizedText.FromParts(view.Original, restored, view.Starts, view.Ends);
    }

    /// <summary>Restores <paramref name="text"/> (its own cache) and reports every decided syllable with its confidence.</summary>
    public RestorationResult Analyze(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Analyze(text, CreateCache(text), cancellationToken);
    }

    /// <summary>Restores <paramref name="text"/> with <paramref name="cache"/> and reports every decided syllable with its confidence.</summary>
    public RestorationResult Analyze(string text, DocumentCache? cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckCache(cache);
        var output = text.ToCharArray();
        var syllables = new List<RestoredSyllable>();
        var changed = new Decoder(this, cache).Run(text, output, syllables, cancellationToken);
        return new RestorationResult(text, changed ? new string(output) : text, syllables);
    }

    /// <summary>Learns what the accented Vietnamese lines of <paramref name="context"/> write (see <see cref="DocumentCache"/>).</summary>
    /// <param name="context">The document, or any text around what is to be restored; its bare lines count for nothing.</param>
    public DocumentCache CreateCache(ReadOnlySpan<char> context) => DocumentCache.Build(Model, Options, context);

    /// <summary>Learns what the accented Vietnamese lines of all of <paramref name="contexts"/> write (a collection of files).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="contexts"/> or one of its texts is null.</exception>
    public DocumentCache CreateCache(IEnumerable<string> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        return DocumentCache.Build(Model, Options, contexts);
    }

    private void CheckCache(DocumentCache? cache)
    {
        if (cache is not null && !ReferenceEquals(cache.Model, Model))
        {
            throw new ArgumentException("The cache was built for another model.", nameof(cache));
        }
    }

    /// <summary>The per-call state of one restoration: scratch buffers, never shared.</summary>
    private sealed class Decoder(DiacriticRestorer owner, DocumentCache? cache)
    {
        private readonly DocumentCache? given = cache;
        private DocumentCache? cache = cache is { IsEmpty: false } ? cache : null;

        // The second pass: the first pass's choices, counted; and whether undisputed sentences are skipped.
        private Dictionary<int, int>? selfCounts;
        private bool secondPass;
        private readonly SyllableLanguageModel model = owner.Model;
        private readonly DiacriticRestorerOptions options = owner.Options;
        private readonly float margin = (float)owner.Options.PruneMargin;
        private readonly List<Token> tokens = [];
        private readonly char[] scratch = new char[8];
        private readonly EnglishSpans? englishSpans = owner.Detector is { } detector ? new EnglishSpans(detector, owner.Model) : null;

        // Per token of the line.
        private int[] ids = new int[64];
        private int[]?[] cands = new int[]?[64];
        private float[] vWeight = new float[64];
        private float[] eWeight = new float[64];
        private float[] mWeight = new float[64];
        private float[] lWeight = new float[64];
        private int[] wordIndex = new int[64];
        private bool[] title = new bool[64];

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

        private bool changedAny;
        private bool namesAsWritten;

        public bool Run(ReadOnlySpan<char> text, Span<char> output, List<RestoredSyllable>? syllables, CancellationToken cancellationToken)
        {
            // In a text typed with diacritics (at least 2 % of its letters carry them), a window of capitalised
            // bare words alone, such as the byline "Song Minh", is a name written as it is spelt.
            // The same in a text with English in it (at least 2 % of its words are English function words): names of
            // Vietnamese people in an English report ("Ambassador Dang Hoang Giang") are written without marks.
            int letters = 0, marked = 0, words = 0, english = 0;
            for (var i = 0; i < text.Length;)
            {
                var c = text[i];
                if (!char.IsLetter(c))
                {
                    i++;
                    continue;
                }

                var from = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    marked += VietnameseFolding.HasDiacritic(text[i]) ? 1 : 0;
                    i++;
                }

                letters += i - from;
                words++;
                english += i - from <= 5 && EnglishMarkerLookup.Contains(text[from..i]) ? 1 : 0;
            }

            namesAsWritten = (marked * 50 >= letters && marked > 0) || (english * 50 >= words && english >= 2);
            if (options.SelfCacheWeight == 0 || options.CacheWeight == 0)
            {
                Lines(text, output, syllables, cancellationToken);
                return changedAny;
            }

            // Two passes over each block of the text (a stretch of lines about the size of a news article, ended early
            // by a blank line): the first pass's choices teach the second (a key read the same way across the block),
            // which decodes again only the sentences where a chosen form is not the one the cache now favours. The
            // cache stays local: over a whole corpus the first pass's choices only repeat the model's preferences.
            var blockStart = 0;
            while (blockStart < text.Length)
            {
                var blockEnd = BlockEnd(text, blockStart, options.SelfCacheBlock);
                selfCounts = [];
                cache = given is { IsEmpty: false } ? given : null;
                secondPass = false;
                Lines(text, blockStart, blockEnd, output, null, cancellationToken);
                if (selfCounts.Count > 0 || syllables is not null)
                {
                    cache = (given ?? DocumentCache.Empty(model)).With(selfCounts, options.SelfCacheWeight, options);
                    selfCounts = null;
                    secondPass = syllables is null;
                    Lines(text, blockStart, blockEnd, output, syllables, cancellationToken);
                }

                blockStart = blockEnd;
            }

            return changedAny;
        }

        private void Lines(ReadOnlySpan<char> text, Span<char> output, List<RestoredSyllable>? syllables, CancellationToken cancellationToken) =>
            Lines(text, 0, text.Length, output, syllables, cancellationToken);

        // The lines that start in [from, to).
        private void Lines(ReadOnlySpan<char> text, int from, int to, Span<char> output, List<RestoredSyllable>? syllables, CancellationToken cancellationToken)
        {
            var start = from;
            while (start < to)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = text[start..].IndexOf('\n');
                end = end < 0 ? text.Length : start + end;
                if (end > start)
                {
                    Line(text[start..end], start, output, syllables, cancellationToken);
                }

                start = end + 1;
            }
        }

        // Where the block that starts at `start` ends: after the line that brings it to `size` words, or after a blank
        // line that follows at least a tenth of that, or at the end of the text. Always at a line start.
        private static int BlockEnd(ReadOnlySpan<char> text, int start, int size)
        {
            var words = 0;
            var at = start;
            while (at < text.Length)
            {
                var end = text[at..].IndexOf('\n');
                end = end < 0 ? text.Length : at + end;
                var line = text[at..end];
                var blank = line.IsWhiteSpace();
                if (blank && words * 10 >= size)
                {
                    return Math.Min(end + 1, text.Length);
                }

                for (var i = 0; i < line.Length; i++)
                {
                    words += !char.IsWhiteSpace(line[i]) && (i == 0 || char.IsWhiteSpace(line[i - 1])) ? 1 : 0;
                }

                at = Math.Min(end + 1, text.Length);
                if (words >= size)
                {
                    return at;
                }
            }

            return text.Length;
        }

        private void Line(ReadOnlySpan<char> line, int offset, Span<char> output, List<RestoredSyllable>? syllables, CancellationToken cancellationToken)
        {
            SyllableTokenizer.Tokenize(line, tokens);
            var n = tokens.Count;
            if (n == 0)
            {
                return;
            }

            EnsureTokens(n);

            // Headlines in capitals: capitalised bare syllables are words, not codes.
            int longWords = 0, upperWords = 0;
            foreach (var t in tokens)
            {
                if (t.Kind == TokenKind.Word && t.Length >= 2)
                {
                    longWords++;
                    upperWords += Casing(line.Slice(t.Start, t.Length)) == 2 ? 1 : 0;
                }
            }

            var capsLine = longWords >= 2 && upperWords * 10 >= longWords * 6;
            var words = 0;
            var sentenceEnds = 0;
            var anyRestorable = false;
            var initial = true;
            for (var i = 0; i < n; i++)
            {
                var t = tokens[i];
                cands[i] = null;
                title[i] = false;
                vWeight[i] = eWeight[i] = mWeight[i] = lWeight[i] = 0;
                switch (t.Kind)
                {
                    case TokenKind.Number:
                        ids[i] = SyllableLanguageModel.NumberId;
                        continue;
                    case TokenKind.Clause:
                        ids[i] = SyllableLanguageModel.ClauseId;
                        continue;
                    case TokenKind.SentenceEnd:
                        ids[i] = SyllableLanguageModel.SentenceEnd;
                        initial = true;
                        sentenceEnds += i + 1 < n ? 1 : 0;
                        continue;
                    default:
                        break;
                }

                if (InWebAddress(line, t.Start))
                {
                    ids[i] = SyllableLanguageModel.Unknown; // part of a URL, an e-mail or a domain: never changed
                    continue;
                }

                wordIndex[words++] = i;
                // A capital letter alone followed by a dot or a hyphen is an initial (J. Smith, A-B), not a syllable (Ở, Á).
                var end = t.Start + t.Length;
                var isInitial = t.Length == 1 && end < line.Length && line[end] is '.' or '-' or '&' or '/';
                anyRestorable |= Classify(line.Slice(t.Start, t.Length), i, capsLine, isInitial);

                // A capital inside a sentence favours the forms seen capitalised (names), as the trainer counted them.
                title[i] = !initial && !capsLine && cands[i] is not null && Training.RestorerTrainer.IsCapitalised(line.Slice(t.Start, t.Length));
                initial = false;
            }

            // A line in English keeps its names as written (asked only when there is something to restore).
            if (!anyRestorable || englishSpans?.IsEnglish(line) == true)
            {
                return;
            }

            if (sentenceEnds > 0 && englishSpans is not null)
            {
                EnglishSentences(line);
            }

            TitleCaseHeadlines(words);
            PhotoCredits(line);
            Decide(words);

            // Decode each sentence that has something to restore.
            var segmentStart = 0;
            for (var i = 0; i <= n; i++)
            {
                var boundary = i == n || tokens[i].Kind == TokenKind.SentenceEnd || i - segmentStart >= MaxSegment;
                if (!boundary)
                {
                    continue;
                }

                var hasWork = false;
                for (var k = segmentStart; k < i && !hasWork; k++)
                {
                    hasWork = cands[k] is not null;
                }

                if (hasWork && secondPass && !Disputed(segmentStart, i, offset, output))
                {
                    hasWork = false; // the first pass already chose the forms the cache favours
                }

                if (hasWork)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Segment(segmentStart, i, line, offset, output, syllables);
                }

                segmentStart = i < n && tokens[i].Kind == TokenKind.SentenceEnd ? i + 1 : i;
            }
        }

        // Sets ids/cands/weights of a word token; true when it may be restored.
        private bool Classify(ReadOnlySpan<char> word, int i, bool capsLine, bool initial)
        {
            var ascii = true;
            foreach (var c in word)
            {
                ascii &= char.IsAsciiLetter(c);
            }

            var casing = Casing(word);
            if (!ascii)
            {
                ids[i] = SyllableLanguageModel.Unknown;
                if (SyllableKey.TryCanonical(word, scratch, out var canonical) && VietnameseLetters.IsSyllable(canonical))
                {
                    ids[i] = model.IdOf(canonical);
                    vWeight[i] = 1;
                    mWeight[i] = 1;
                    lWeight[i] = 1;
                }
                else
                {
                    eWeight[i] = 1;
                }

                return false;
            }

            if (word.Length > scratch.Length)
            {
                ids[i] = SyllableLanguageModel.Unknown;
                eWeight[i] = casing == 0 ? 1 : 0.5f;
                return false;
            }

            var lower = scratch.AsSpan(0, word.Length);
            word.ToLowerInvariant(lower);
            var list = model.CandidatesOf(lower);
            if (list is null)
            {
                ids[i] = SyllableLanguageModel.Unknown;
                eWeight[i] = casing switch { 0 => 1, 1 => 0.5f, 2 => 0, _ => 1 };
                return false;
            }

            ids[i] = model.IdOf(lower);
            if (casing == 3 || (casing == 2 && !capsLine) || (initial && casing != 0))
            {
                eWeight[i] = casing == 3 ? 1 : 0; // mixed case is foreign; capitals and initials are codes
                return false;
            }

            if (EnglishLookup.Contains(lower))
            {
                vWeight[i] = 0.25f;
                eWeight[i] = 0.75f;
            }
            else if (casing == 1 && !capsLine)
            {
                vWeight[i] = 1f; // a capitalised bare syllable may be a name in any language (Bui Thanh Son said)
                lWeight[i] = 0;
                cands[i] = list;
                return true;
            }
            else
            {
                vWeight[i] = 1;
            }

            lWeight[i] = vWeight[i];
            cands[i] = list;
            return true;
        }

        // True when the whitespace-delimited chunk around index `at` is a web address: it has "://", starts with
        // "www.", holds an @ between letters, or ends in a lower-case domain suffix after a dot (vietnamplus.vn/abc).
        private static bool InWebAddress(ReadOnlySpan<char> line, int at)
        {
            var start = at;
            while (start > 0 && !char.IsWhiteSpace(line[start - 1]))
            {
                start--;
            }

            var end = at;
            while (end < line.Length && !char.IsWhiteSpace(line[end]))
            {
                end++;
            }

            var chunk = line[start..end];
            if (chunk.Length < 4 || (chunk.IndexOf('.') < 0 && chunk.IndexOf('@') < 0))
            {
                return false;
            }

            if (chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            for (var i = 1; i + 1 < chunk.Length; i++)
            {
                if (chunk[i] == '@' && char.IsLetterOrDigit(chunk[i - 1]) && char.IsLetterOrDigit(chunk[i + 1]))
                {
                    return true;
                }

                if (chunk[i] == '.' && char.IsAsciiLetterLower(chunk[i - 1]))
                {
                    var j = i + 1;
                    while (j < chunk.Length && char.IsAsciiLetterLower(chunk[j]))
                    {
                        j++;
                    }

                    if (j - i - 1 is >= 2 and <= 6 && (j == chunk.Length || chunk[j] is '/' or ':' or '?' or '#'))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // News captions end with a photo credit, "Ảnh: TTXVN" or "(Ảnh: Lâm Khánh/TTXVN)": a bare "Anh:" that
        // opens a sentence or a bracket and is followed by at most six words to the end of the line or bracket is
        // that label, not "Anh" (England, brother). Encyclopedic training text has no captions to learn it from.
        private void PhotoCredits(ReadOnlySpan<char> line)
        {
            if (owner.photoLabel is null)
            {
                return;
            }

            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                var t = tokens[i];
                if (cands[i] is null || t.Length != 3 || tokens[i + 1].Kind != TokenKind.Clause || line[t.Start + 3] != ':'
                    || !line.Slice(t.Start, 3).Equals("anh", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var opens = i == 0 || tokens[i - 1].Kind == TokenKind.SentenceEnd || (t.Start > 0 && line[t.Start - 1] == '(');
                var rest = line[(t.Start + 4)..];
                var close = rest.IndexOf(')');
                rest = close >= 0 ? rest[..close] : rest;
                var credit = 0;
                for (var k = i + 2; k < tokens.Count && tokens[k].Start < t.Start + 4 + rest.Length; k++)
                {
                    credit += tokens[k].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
                }

                if (opens && credit is >= 1 and <= 6)
                {
                    cands[i] = owner.photoLabel;
                }
            }
        }

        // True when a syllable of the sentence, as the first pass wrote it, is not the form of its key the cache favours.
        private bool Disputed(int from, int to, int offset, Span<char> output)
        {
            for (var k = from; k < to; k++)
            {
                if (cands[k] is not { } list)
                {
                    continue;
                }

                var t = tokens[k];
                if (!SyllableKey.TryCanonical(output.Slice(offset + t.Start, t.Length), scratch, out var canonical))
                {
                    return true;
                }

                var written = cache!.Bonus(model.IdOf(canonical));
                foreach (var form in list)
                {
                    if (cache.Bonus(form) > written)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // In a line of several sentences, the sentences the detector calls English (split as the aligner splits them,
        // so "Mr." ends none) keep their words as written; they still count as English context for their neighbours.
        private void EnglishSentences(ReadOnlySpan<char> line)
        {
            var sentences = SentenceSplitter.Split(line);
            if (sentences.Count < 2)
            {
                return;
            }

            var t = 0;
            foreach (var sentence in sentences)
            {
                var isEnglish = englishSpans!.IsEnglish(sentence.Range.Slice(line));
                for (; t < tokens.Count && tokens[t].Start < sentence.Range.End; t++)
                {
                    if (isEnglish && tokens[t].Start >= sentence.Range.Start)
                    {
                        cands[t] = null;
                    }
                }
            }
        }

        // A run of five or more capitalised bare syllables is a headline in title case ("Ngap Lut Tai Thanh Pho ..."),
        // not a name (Vietnamese names have at most four syllables): its words count as lower case.
        private void TitleCaseHeadlines(int words)
        {
            const int MinimumRun = 5;
            var runStart = 0;
            for (var j = 0; j <= words; j++)
            {
                if (j < words && cands[wordIndex[j]] is not null && lWeight[wordIndex[j]] == 0)
                {
                    continue;
                }

                if (j - runStart >= MinimumRun)
                {
                    for (var r = runStart; r < j; r++)
                    {
                        lWeight[wordIndex[r]] = vWeight[wordIndex[r]];
                    }
                }

                runStart = j + 1;
            }
        }

        // Keeps a candidate list only where the window around the word is bare Vietnamese.
        private void Decide(int words)
        {
            var w = options.Window;
            float v = 0, e = 0, m = 0, l = 0;
            int lo = 0, hi = -1;
            for (var j = 0; j < words; j++)
            {
                while (hi < Math.Min(words - 1, j + w))
                {
                    hi++;
                    var t = wordIndex[hi];
                    v += vWeight[t];
                    e += eWeight[t];
                    m += mWeight[t];
                    l += lWeight[t];
                }

                while (lo < j - w)
                {
                    var t = wordIndex[lo];
                    v -= vWeight[t];
                    e -= eWeight[t];
                    m -= mWeight[t];
                    l -= lWeight[t];
                    lo++;
                }

                var i = wordIndex[j];
                if (cands[i] is null || ReferenceEquals(cands[i], owner.photoLabel))
                {
                    continue;
                }

                // Vietnamese: enough of the window, and in accented text at least one syllable that is not
                // capitalised (a line of capitalised words alone, such as a byline "Song Minh", is a name).
                var vietnamese = v >= options.MinVietnameseShare * (v + e) - 1e-4f && (l >= 1 - 1e-4f || !namesAsWritten);
                var accented = m >= options.AccentedShare * v - 1e-4f && m > 0;
                // In accented text a bare syllable is taken as written, unless its bare spelling is not a word of its
                // own (troi, dep: the marks were left off), where the accented neighbours now constrain it.
                if (!vietnamese || (accented && Array.IndexOf(cands[i]!, ids[i]) >= 0))
                {
                    cands[i] = null;
                }
            }
        }

        private void Segment(int from, int to, ReadOnlySpan<char> line, int offset, Span<char> output, List<RestoredSyllable>? syllables)
        {
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
                    Step(prevStart, prevCount, prevK, list, ids[token], k, title[token]);
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

            for (var p = 0; p < count; p++)
            {
                var token = segTokens[p];
                var list = cands[token];
                if (list is null)
                {
                    continue;
                }

                var t = tokens[token];
                var form = owner.outputForms[list[chosen[p]]];
                var source = line.Slice(t.Start, t.Length);
                var target = output.Slice(offset + t.Start, t.Length);
                var changed = false;
                for (var c = 0; c < form.Length && c < target.Length; c++)
                {
                    var r = char.IsUpper(source[c]) ? char.ToUpperInvariant(form[c]) : form[c];
                    changed |= r != source[c];
                    target[c] = r;
                }

                changedAny |= changed;
                if (selfCounts is not null)
                {
                    var id = list[chosen[p]];
                    selfCounts[id] = selfCounts.GetValueOrDefault(id) + 1;
                }

                if (syllables is not null)
                {
                    var confidence = Confidence(p, count, list);
                    syllables.Add(new RestoredSyllable(new TextRange(offset + t.Start, offset + t.Start + t.Length), new string(target), confidence, changed));
                }
            }
        }

        private void Step(int prevStart, int prevCount, int prevK, int[]? list, int fixedId, int k, bool capitalised)
        {
            var cells = prevK * k;
            EnsureCells(cells);
            if (bonus.Length < k)
            {
                Array.Resize(ref bonus, Math.Max(k, bonus.Length * 2));
            }

            for (var j = 0; j < k; j++)
            {
                bonus[j] = list is null ? 0f : (capitalised ? model.CapitalBonus(list[j]) : 0f) + (cache?.Bonus(list[j]) ?? 0f);
            }

            for (var c = 0; c < cells; c++)
            {
                tmpScore[c] = float.NegativeInfinity;
                biCache[c] = float.NaN;
            }

            for (var s = prevStart; s < prevStart + prevCount; s++)
            {
                int u = stU[s], v = stV[s];
                var baseScore = stScore[s];

                // A context u v that is not a bigram has no trigram either: skip those lookups.
                var context = model.TryContextBackoff(u, v, out var backoff);
                var row = stK[s] * k;
                for (var j = 0; j < k; j++)
                {
                    var w = list?[j] ?? fixedId;
                    if (!context || !model.TryTrigram(u, v, w, out var lp))
                    {
                        var bi = biCache[row + j];
                        if (float.IsNaN(bi))
                        {
                            biCache[row + j] = bi = model.BigramScore(v, w);
                        }

                        lp = backoff + bi;
                    }

                    var score = baseScore + lp + bonus[j];
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

        // P(chosen | restored neighbours), normalised over the syllable's candidates.
        private double Confidence(int p, int count, int[] list)
        {
            var u = p >= 2 ? ChosenId(p - 2) : SyllableLanguageModel.SentenceStart;
            var v = p >= 1 ? ChosenId(p - 1) : SyllableLanguageModel.SentenceStart;
            var next = p + 1 < count ? ChosenId(p + 1) : SyllableLanguageModel.SentenceEnd;
            var after = p + 2 < count ? ChosenId(p + 2) : SyllableLanguageModel.SentenceEnd;
            var max = double.NegativeInfinity;
            Span<double> scores = list.Length <= 32 ? stackalloc double[list.Length] : new double[list.Length];
            for (var j = 0; j < list.Length; j++)
            {
                var c = list[j];
                double s = model.Score(u, v, c) + model.Score(v, c, next) + (title[segTokens[p]] ? model.CapitalBonus(c) : 0) + (cache?.Bonus(c) ?? 0);
                if (p + 1 < count)
                {
                    s += model.Score(c, next, after);
                }

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

        private void EnsureTokens(int n)
        {
            if (ids.Length >= n)
            {
                return;
            }

            var size = Math.Max(n, ids.Length * 2);
            Array.Resize(ref ids, size);
            Array.Resize(ref cands, size);
            Array.Resize(ref vWeight, size);
            Array.Resize(ref eWeight, size);
            Array.Resize(ref mWeight, size);
            Array.Resize(ref lWeight, size);
            Array.Resize(ref wordIndex, size);
            Array.Resize(ref title, size);
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

        // 0 lower, 1 Title, 2 UPPER, 3 mIxed.
        private static int Casing(ReadOnlySpan<char> word)
        {
            var upper = 0;
            foreach (var c in word)
            {
                upper += char.IsUpper(c) ? 1 : 0;
            }

            if (upper == 0)
            {
                return 0;
            }

            if (upper == word.Length)
            {
                return word.Length == 1 ? 1 : 2;
            }

            return upper == 1 && char.IsUpper(word[0]) ? 1 : 3;
        }
    }
}
