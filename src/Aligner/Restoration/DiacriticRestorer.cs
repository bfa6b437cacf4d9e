using Aligner.Detection;
using Aligner.Input;
using Aligner.Normalization;
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
    internal RestorationResult Analyze(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Analyze(text, CreateCache(text), cancellationToken);
    }

    /// <summary>Restores <paramref name="text"/> with <paramref name="cache"/> and reports every decided syllable with its confidence.</summary>
    internal RestorationResult Analyze(string text, DocumentCache? cache, CancellationToken cancellationToken = default)
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

    /// <summary>
    /// The cache of <paramref name="context"/> for restoring <paramref name="restored"/> (a short part of it) alone:
    /// the same restoration of that text as with <see cref="CreateCache(ReadOnlySpan{char})"/>, counting only the forms
    /// of the keys it writes (two bare lines on a long page do not pay for counting the whole page).
    /// </summary>
    internal DocumentCache CreateCache(ReadOnlySpan<char> context, ReadOnlySpan<char> restored) => DocumentCache.Build(Model, Options, context, restored);

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

    /// <summary>
    /// The per-call state of one restoration: the token rules (<see cref="LineClassifier"/>) and the search
    /// (<see cref="SyllableBeamSearch"/>) line by line, the two passes over each block, and the writing of the result.
    /// </summary>
    private sealed class Decoder(DiacriticRestorer owner, DocumentCache? cache)
    {
        private readonly DocumentCache? given = cache;
        private DocumentCache? cache = cache is { IsEmpty: false } ? cache : null;

        // The second pass: the first pass's choices, counted; and whether undisputed sentences are skipped.
        private Dictionary<int, int>? selfCounts;
        private bool secondPass;
        private readonly SyllableLanguageModel model = owner.Model;
        private readonly DiacriticRestorerOptions options = owner.Options;
        private readonly char[] scratch = new char[8];
        private readonly LineClassifier classifier = new(owner.Model, owner.Options, owner.Detector, owner.photoLabel);
        private readonly SyllableBeamSearch search = new(owner.Model, owner.Options);

        private bool changedAny;

        public bool Run(ReadOnlySpan<char> text, Span<char> output, List<RestoredSyllable>? syllables, CancellationToken cancellationToken)
        {
            classifier.SetText(text);
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
            if (!classifier.Classify(line))
            {
                return;
            }

            var tokens = classifier.Tokens;
            var cands = classifier.Candidates;
            var n = tokens.Count;
            var codes = classifier.Codes;
            for (var i = 0; i < n && !secondPass; i++)
            {
                if (codes[i] is { } code)
                {
                    var t = tokens[i];
                    code.AsSpan().CopyTo(output.Slice(offset + t.Start, t.Length));
                    changedAny = true;
                    syllables?.Add(new RestoredSyllable(new TextRange(offset + t.Start, offset + t.Start + t.Length), code, 1, true));
                }
            }

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
                    search.Decode(classifier, segmentStart, i, cache);
                    Write(segmentStart, i, line, offset, output, syllables);
                }

                segmentStart = i < n && tokens[i].Kind == TokenKind.SentenceEnd ? i + 1 : i;
            }
        }

        // True when the second pass may change a syllable of the sentence: one that the first pass wrote as a form its
        // cache bonus now disfavours, and whose written form does not beat the favoured one by the model given its
        // written neighbours (two syllables each side), bonuses included.
        private bool Disputed(int from, int to, int offset, Span<char> output)
        {
            var cands = classifier.Candidates;
            for (var k = from; k < to; k++)
            {
                if (cands[k] is not { } list)
                {
                    continue;
                }

                var written = WrittenId(k, offset, output);
                if (written < 0)
                {
                    return true;
                }

                var favoured = written;
                foreach (var form in list)
                {
                    if (cache!.Bonus(form) > cache.Bonus(favoured))
                    {
                        favoured = form;
                    }
                }

                if (favoured == written)
                {
                    continue;
                }

                var u = k - 2 >= from ? WrittenId(k - 2, offset, output) : SyllableLanguageModel.SentenceStart;
                var v = k - 1 >= from ? WrittenId(k - 1, offset, output) : SyllableLanguageModel.SentenceStart;
                var next = k + 1 < to ? WrittenId(k + 1, offset, output) : SyllableLanguageModel.SentenceEnd;
                var after = k + 2 < to ? WrittenId(k + 2, offset, output) : SyllableLanguageModel.SentenceEnd;
                if (u < 0 || v < 0 || next < 0 || after < 0
                    || LocalScore(k, u, v, favoured, next, after, k + 1 < to) > LocalScore(k, u, v, written, next, after, k + 1 < to) - DisputeMargin)
                {
                    return true;
                }
            }

            return false;
        }

        // Nats by which the written form must beat the favoured one for its sentence to be left alone (chosen on NTREX-128
        // dev: 0 → 97.32 %, 2 → 97.38 %, 3 → 97.41 %, as many as re-decoding every disputed sentence, with 61 % fewer decodes).
        private const float DisputeMargin = 3f;

        // The score of form c at token k between its neighbours, as the search counts it.
        private float LocalScore(int k, int u, int v, int c, int next, int after, bool hasNext) =>
            SyllableBeamSearch.LocalScore(model, cache, u, v, c, next, after, hasNext, classifier.Title[k], classifier.Next[k]);

        // The model id of token k as the output now writes it (−1 when a restored syllable cannot be read back).
        private int WrittenId(int k, int offset, Span<char> output)
        {
            if (classifier.Candidates[k] is null)
            {
                return classifier.Ids[k];
            }

            var t = classifier.Tokens[k];
            return SyllableKey.TryCanonical(output.Slice(offset + t.Start, t.Length), scratch, out var canonical) ? model.IdOf(canonical) : -1;
        }

        // Writes the forms the search chose for the tokens [from, to) into the output, keeping each letter's case.
        private void Write(int from, int to, ReadOnlySpan<char> line, int offset, Span<char> output, List<RestoredSyllable>? syllables)
        {
            var count = to - from;
            var tokens = classifier.Tokens;
            var cands = classifier.Candidates;
            for (var p = 0; p < count; p++)
            {
                var token = from + p;
                var list = cands[token];
                if (list is null)
                {
                    continue;
                }

                var t = tokens[token];
                var form = owner.outputForms[list[search.Chosen(p)]];
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
                    var id = list[search.Chosen(p)];
                    selfCounts[id] = selfCounts.GetValueOrDefault(id) + 1;
                }

                if (syllables is not null)
                {
                    var confidence = search.Confidence(p, count, list);
                    syllables.Add(new RestoredSyllable(new TextRange(offset + t.Start, offset + t.Start + t.Length), new string(target), confidence, changed));
                }
            }
        }
    }
}
