using Aligner.Detection;
using Aligner.Input;
using Aligner.Normalization;
using Aligner.Restoration;
using Aligner.Scoring;
using Aligner.Segmentation;
using Aligner.Text;

namespace Aligner.Preparation;

/// <summary>
/// The document stage that <c>align</c>, <c>match</c> and the sentence refinement all read from: normalised view →
/// sentences → page furniture → language of each paragraph → bare Vietnamese restored → what the scorer reads of each
/// sentence. Built from the models it is given; immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// // A detector trained with train-detector, no diacritic restoration, the embedded lexicon.
/// var preparer = new DocumentPreparer(myDetector, restorer: null, Lexicon.Default);
/// var pipeline = AlignmentPipeline.Create(preparer: preparer);
/// </code>
/// </example>
public sealed class DocumentPreparer
{
    /// <summary>A paragraph the detector gives to the other language with at least this confidence never pairs.</summary>
    private const double OtherLanguageConfidence = 0.9;

    // The embedded restorer (a 5 MB model) is loaded only when a document holds Vietnamese without diacritics.
    private static readonly Lazy<DocumentPreparer> DefaultPreparer = new(() => new DocumentPreparer(LanguageDetector.Default, new Lazy<DiacriticRestorer>(() => DiacriticRestorer.Default), Lexicon.Default, lazy: true));

    private readonly Lazy<DiacriticRestorer>? restorer;

    /// <summary>Creates a preparer.</summary>
    /// <param name="detector">
    /// Finds the language of each paragraph: a paragraph confidently in the other language (a Vietnamese teaser on an
    /// English page) never pairs, and a bilingual file is split by it. Null: no paragraph is checked (one-language
    /// documents only).
    /// </param>
    /// <param name="restorer">
    /// Restores Vietnamese paragraphs the detector finds without diacritics before they are scored (offsets stay those
    /// of the original), with what the accented text of the file (or collection) writes. Null: bare text is scored as it is.
    /// </param>
    /// <param name="lexicon">The bilingual lexicon the lexical evidence comes from; none when null.</param>
    /// <exception cref="ArgumentException">A restorer is given without a detector (nothing would call it).</exception>
    public DocumentPreparer(LanguageDetector? detector, DiacriticRestorer? restorer, Lexicon? lexicon)
    {
        if (restorer is not null && detector is null)
        {
            throw new ArgumentException("The restorer runs on the paragraphs the detector finds without diacritics: give a detector too.", nameof(restorer));
        }

        Detector = detector;
        this.restorer = restorer is null ? null : new Lazy<DiacriticRestorer>(restorer);
        Lexicon = lexicon;
    }

    // A restorer loaded on first use (the embedded one); 'lazy' only tells this constructor from the public one.
    private DocumentPreparer(LanguageDetector? detector, Lazy<DiacriticRestorer>? restorer, Lexicon? lexicon, bool lazy)
    {
        _ = lazy;
        Detector = detector;
        this.restorer = restorer;
        Lexicon = lexicon;
    }

    /// <summary>The preparer with the embedded detector, restorer and lexicon.</summary>
    public static DocumentPreparer Default => DefaultPreparer.Value;

    /// <summary>The language detector; null when paragraphs are not checked.</summary>
    public LanguageDetector? Detector { get; }

    /// <summary>The diacritic restorer; null when bare Vietnamese is scored as it is.</summary>
    public DiacriticRestorer? Restorer => restorer?.Value;

    /// <summary>Whether bare Vietnamese is restored (without loading the restorer).</summary>
    internal bool Restores => restorer is not null;

    /// <summary>The bilingual lexicon; null when no lexical evidence is read.</summary>
    public Lexicon? Lexicon { get; }

    /// <summary>This preparer with another lexicon (self-training adds the documents' own word pairs).</summary>
    internal DocumentPreparer WithLexicon(Lexicon lexicon) => new(Detector, restorer, lexicon, lazy: true);

    /// <summary>Prepares a document written in one language (paragraphs in the other language are kept, marked never to pair).</summary>
    /// <param name="source">The document; its <see cref="SourceText.Content"/> is read.</param>
    /// <param name="language"><see cref="DetectedLanguage.English"/> or <see cref="DetectedLanguage.Vietnamese"/>.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    public PreparedText Prepare(SourceText source, DetectedLanguage language, CancellationToken cancellationToken = default) =>
        Prepare(source, language, null, cancellationToken);

    /// <summary>Prepares a text given as a string (tests and benchmarks).</summary>
    internal PreparedText Prepare(string text, DetectedLanguage language) => Prepare(new SourceText(text, "text"), language, null, default);

    internal PreparedText Prepare(SourceText source, DetectedLanguage language, StageTimes? times, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (language is not (DetectedLanguage.English or DetectedLanguage.Vietnamese))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "A document is prepared as English or as Vietnamese.");
        }

        var read = Read(source.Content, relatedLists: true, restore: language == DetectedLanguage.Vietnamese, null, times, cancellationToken);
        var other = language == DetectedLanguage.English ? DetectedLanguage.Vietnamese : DetectedLanguage.English;
        var sentences = new Sentence[read.Count];
        var features = new SentenceFeatures[read.Count];
        // A long document's sentences are read on every core (the other side, prepared at the same time, may finish first).
        ParallelBlocks.For(read.Count, Sentence, cancellationToken);
        return new PreparedText(source, language, sentences, features, read, Lexicon);

        void Sentence(int k)
        {
            var otherLanguage = read.Languages is { } languages && languages[k].Language == other && languages[k].Confidence >= OtherLanguageConfidence;
            sentences[k] = Original(source, read, k);
            features[k] = Features(read.Sentences[k].Range.Slice(read.Scored), language, Lexicon, read.Furniture[k], otherLanguage, times);
        }
    }

    /// <summary>
    /// Prepares a document that may hold both languages: each paragraph goes to the language the detector finds in it;
    /// paragraphs of unknown language belong to neither side. Related-news lists are kept (their teasers may have
    /// translations in other files).
    /// </summary>
    /// <param name="source">The document.</param>
    /// <param name="cache">
    /// What bare Vietnamese is restored with (in a collection, the cache of all its files:
    /// <see cref="DiacriticRestorer.CreateCache(IEnumerable{string})"/>); the document's own when null.
    /// </param>
    /// <param name="cancellationToken">Stops a long run.</param>
    /// <exception cref="InvalidOperationException">The preparer has no detector.</exception>
    public (PreparedText English, PreparedText Vietnamese) PrepareBilingual(SourceText source, DocumentCache? cache = null, CancellationToken cancellationToken = default) =>
        PrepareBilingual(source, cache is null ? null : new Lazy<DocumentCache>(cache), cancellationToken);

    // The cache is lazy: a collection builds it only when some file holds Vietnamese without diacritics.
    internal (PreparedText English, PreparedText Vietnamese) PrepareBilingual(SourceText source, Lazy<DocumentCache>? cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Detector is null)
        {
            throw new InvalidOperationException("A bilingual document is split by language: the preparer needs a detector.");
        }

        var read = Read(source.Content, relatedLists: false, restore: true, cache, null, cancellationToken);
        var (englishSentences, englishFeatures) = (new List<Sentence>(), new List<SentenceFeatures>());
        var (vietnameseSentences, vietnameseFeatures) = (new List<Sentence>(), new List<SentenceFeatures>());
        for (var k = 0; k < read.Count; k++)
        {
            CheckEvery1024(k, cancellationToken);
            var language = read.Languages![k].Language;
            var (sentences, features) = language switch
            {
                DetectedLanguage.English => (englishSentences, englishFeatures),
                DetectedLanguage.Vietnamese => (vietnameseSentences, vietnameseFeatures),
                _ => (null, null),
            };
            sentences?.Add(Original(source, read, k));
            features?.Add(Features(read.Sentences[k].Range.Slice(read.Scored), language, Lexicon, read.Furniture[k], otherLanguage: false, times: null));
        }

        return (new PreparedText(source, DetectedLanguage.English, [.. englishSentences], [.. englishFeatures], null, Lexicon),
            new PreparedText(source, DetectedLanguage.Vietnamese, [.. vietnameseSentences], [.. vietnameseFeatures], null, Lexicon));
    }

    /// <summary>What the scorer reads of one sentence (or part of one): length, numbers, names and lexicon units.</summary>
    internal static SentenceFeatures Features(ReadOnlySpan<char> slice, DetectedLanguage language, Lexicon? lexicon, bool furniture, bool otherLanguage, StageTimes? times)
    {
        var start = StageTimes.Start();
        var basic = FeatureExtractor.Extract(slice);
        times?.Add("features (length, numbers, names)", start);
        start = StageTimes.Start();
        var lexical = lexicon is null ? LexicalFeatures.Empty
            : language == DetectedLanguage.English ? LexicalFeatures.English(slice, lexicon) : LexicalFeatures.Vietnamese(slice, lexicon);
        times?.Add("lexical features (tokens, lexicon look-ups)", start);
        return new(basic)
        {
            Lexical = lexical,
            IsFurniture = furniture,
            IsOtherLanguage = otherLanguage,
        };
    }

    // Sentence k with its range in the source's text (through the normalised view, then an HTML page's mapping).
    private static Sentence Original(SourceText source, ReadText read, int k)
    {
        var sentence = read.Sentences[k];
        var range = read.View.ToOriginal(sentence.Range);
        return sentence with { Range = source.Format == SourceFormat.PlainText ? range : source.ToSource(range) };
    }

    private static void CheckEvery1024(int k, CancellationToken cancellationToken)
    {
        if ((k & 1023) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private ReadText Read(string text, bool relatedLists, bool restore, Lazy<DocumentCache>? cache, StageTimes? times, CancellationToken cancellationToken)
    {
        var start = StageTimes.Start();
        var view = NormalizedText.Create(text);
        times?.Add("normalisation", start);
        start = StageTimes.Start();
        var sentences = SentenceSplitter.Split(view.Text);
        times?.Add("sentence splitting", start);
        start = StageTimes.Start();
        var furniture = PageFurniture.Classify(view.Text, sentences, relatedLists);
        times?.Add("page furniture", start);
        if (Detector is null)
        {
            return new ReadText(view, sentences, furniture, null, view.Text);
        }

        var (languages, scored) = DetectParagraphs(view.Text, sentences, restore ? restorer : null, cache, times, cancellationToken);
        return new ReadText(view, sentences, furniture, languages, scored);
    }

    // The language of each sentence's paragraph, and the text the features are read from: the normalised text, with
    // Vietnamese paragraphs that lack their diacritics restored (same length, same offsets) with what the accented
    // text of the file (or of the collection, when a cache is given) writes.
    private (LanguageDetection[] Languages, string Scored) DetectParagraphs(string text, IReadOnlyList<Sentence> sentences, Lazy<DiacriticRestorer>? restorer, Lazy<DocumentCache>? cache, StageTimes? times, CancellationToken cancellationToken)
    {
        var languages = new LanguageDetection[sentences.Count];
        List<TextRange>? bare = null;
        foreach (var (first, end) in SentenceSplitter.ParagraphExtents(sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var range = new TextRange(sentences[first].Range.Start, sentences[end - 1].Range.End);
            var start = StageTimes.Start();
            var detection = Detector!.Detect(text, range);
            times?.Add("language detection", start);
            languages.AsSpan(first, end - first).Fill(detection);
            if (restorer is not null && detection.Language == DetectedLanguage.Vietnamese && !detection.HasDiacritics)
            {
                (bare ??= []).Add(range);
            }
        }

        char[]? restored = null;
        if (bare is not null && restorer is not null)
        {
            var start = StageTimes.Start();
            restored = text.ToCharArray();

            // A few bare lines in an accented text get a cache of their own keys only (the same restoration, without
            // counting the whole text; DocumentCache decides what "a few" is).
            var documentCache = cache?.Value ?? restorer.Value.CreateCache(text, string.Join('\n', bare.Select(r => text[r.Start..r.End])));
            foreach (var range in bare)
            {
                cancellationToken.ThrowIfCancellationRequested();
                restorer.Value.Restore(range.Slice(text), documentCache, cancellationToken).CopyTo(restored.AsSpan(range.Start));
            }

            times?.Add("diacritic restoration", start);
        }

        return (languages, restored is null ? text : new string(restored));
    }
}
