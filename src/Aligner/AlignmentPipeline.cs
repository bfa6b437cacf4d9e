using System.Text;
using Aligner.Alignment;
using Aligner.Detection;
using Aligner.IO;
using Aligner.Normalization;
using Aligner.Restoration;
using Aligner.Scoring;
using Aligner.Segmentation;
using Aligner.Tokenization;

namespace Aligner;

/// <summary>
/// The alignment pipeline: normalised view → sentences → features → banded dynamic programming. Build one with
/// <see cref="Create"/> and reuse it: it is immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var pipeline = AlignmentPipeline.Create(AlignmentOptions.Default with { Unmatched = 0.1 });
/// var alignment = pipeline.Align(new SourceText(english, "en.txt"), new SourceText(vietnamese, "vi.txt"));
/// </code>
/// </example>
public sealed class AlignmentPipeline
{
    /// <summary>The language of a text in the pipeline.</summary>
    public enum Side
    {
        /// <summary>English.</summary>
        English,

        /// <summary>Vietnamese.</summary>
        Vietnamese,
    }

    private readonly BeadAligner aligner;

    private AlignmentPipeline(PairScorer scorer, Lexicon lexicon, AlignmentOptions options)
    {
        Scorer = scorer;
        Lexicon = lexicon;
        Options = options;
        aligner = new BeadAligner(scorer, options);
    }

    /// <summary>The pipeline with the default options and the embedded scorer model.</summary>
    public static AlignmentPipeline Default { get; } = new(PairScorer.Default, Lexicon.Default, AlignmentOptions.Default);

    /// <summary>The options the pipeline was built with.</summary>
    public AlignmentOptions Options { get; }

    /// <summary>The sentence-pair scorer.</summary>
    public PairScorer Scorer { get; }

    /// <summary>The bilingual lexicon the scorer's lexical evidence comes from.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>Builds a pipeline.</summary>
    /// <param name="options">Aligner options; the defaults when null.</param>
    /// <param name="model">Scorer model; the embedded default when null. A model is fitted together with a lexicon.</param>
    /// <param name="lexicon">Bilingual lexicon; the embedded default when null.</param>
    public static AlignmentPipeline Create(AlignmentOptions? options = null, ScorerModel? model = null, Lexicon? lexicon = null)
    {
        options ??= AlignmentOptions.Default;
        options.Validate();
        return new AlignmentPipeline(model is null ? PairScorer.Default : new PairScorer(model), lexicon ?? Lexicon.Default, options);
    }

    /// <summary>Aligns an English document with a Vietnamese one.</summary>
    public DocumentAlignment Align(SourceText english, SourceText vietnamese, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        var alignment = Align(english, vietnamese, Lexicon, cancellationToken);
        if (Options.SelfTrainingMinimumPairs <= 0)
        {
            return alignment;
        }

        // Self-training: learn the documents' own word pairs from the confident pairs of the first pass.
        var confident = new List<(string English, string Vietnamese)>();
        foreach (var bead in alignment.Beads)
        {
            if (bead.Kind == BeadKind.OneToOne && bead.Score >= 0.95)
            {
                confident.Add((alignment.EnglishRange(bead)!.Value.Substring(english.Text), alignment.VietnameseRange(bead)!.Value.Substring(vietnamese.Text)));
            }
        }

        if (confident.Count < Options.SelfTrainingMinimumPairs)
        {
            return alignment;
        }

        var learned = Training.LexiconTrainer.Train(confident, SelfTrainingLexicon, "self-training", cancellationToken: cancellationToken);
        return Align(english, vietnamese, Lexicon.Merge(learned), cancellationToken);
    }

    // Few pairs teach Model 1 little: keep only what is clear.
    private static readonly Training.LexiconTrainingOptions SelfTrainingLexicon = new()
    {
        MinimumProbability = 0.3,
        MaximumTranslations = 2,
        MinimumMass = 0.5,
    };

    private DocumentAlignment Align(SourceText english, SourceText vietnamese, Lexicon lexicon, CancellationToken cancellationToken)
    {
        var detector = Options.DetectLanguage ? LanguageDetector.Default : null;
        var (enRead, enSentences, enFeatures) = PrepareSide(english.Text, Side.English, lexicon, detector, Options.RestoreDiacritics, cancellationToken);
        var (viRead, viSentences, viFeatures) = PrepareSide(vietnamese.Text, Side.Vietnamese, lexicon, detector, Options.RestoreDiacritics, cancellationToken);
        var beads = aligner.Align(enFeatures, viFeatures, cancellationToken);
        if (!Options.SplitGluedSentences)
        {
            return new DocumentAlignment(english, vietnamese, enSentences, viSentences, beads);
        }

        var split = GluedSentences.Split(
            new GluedSentences.SideText(enSentences, enFeatures, new SentenceParts(enRead, Side.English, lexicon)),
            new GluedSentences.SideText(viSentences, viFeatures, new SentenceParts(viRead, Side.Vietnamese, lexicon)),
            beads,
            Scorer,
            Options,
            cancellationToken);
        return new DocumentAlignment(english, vietnamese, split.English, split.Vietnamese, split.Beads);
    }

    // Parts of a prepared side's sentences, read from the same text and in the same way as the whole sentences.
    private sealed class SentenceParts(ReadText read, Side side, Lexicon lexicon) : GluedSentences.ISentenceParts
    {
        public ReadOnlySpan<char> Text(int k) => read.Sentences[k].Range.Slice(read.Scored);

        public SentenceFeatures Features(int k, int start, int end) =>
            AlignmentPipeline.Features(Text(k)[start..end], side, lexicon, read.Furniture[k], otherLanguage: false);

        public TextRange Original(int k, int start, int end) =>
            read.View.ToOriginal(new TextRange(read.Sentences[k].Range.Start + start, read.Sentences[k].Range.Start + end));

        // English: a word the lexicon knows (The, Promoted), not a name (Napoli, Holt). Vietnamese: a known syllable
        // followed by a lower-case one (Phóng viên), not a run of capitals (Phạm Minh).
        public bool MayOpenSentence(string word, string next)
        {
            if (word.Length == 0)
            {
                return false;
            }

            if (side == Side.English)
            {
                return lexicon.EnglishId(LexicalTokenizer.StemEnglish(word.ToLowerInvariant())) >= 0;
            }

            return next.Length > 0 && char.IsLower(next[0])
                && lexicon.VietnameseId(word.Normalize(NormalizationForm.FormC).ToLowerInvariant()) >= 0;
        }
    }

    /// <summary>Splits a text into sentences (ranges into the original text) and extracts their features.</summary>
    /// <param name="text">The original text.</param>
    /// <param name="side">Which language the text is in (for the lexical features).</param>
    /// <param name="lexicon">The lexicon; lexical features are left empty when null.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    public static (IReadOnlyList<Sentence> Sentences, IReadOnlyList<SentenceFeatures> Features) Prepare(string text, Side side, Lexicon? lexicon, CancellationToken cancellationToken = default) =>
        Prepare(text, side, lexicon, null, false, cancellationToken);

    /// <summary>
    /// Splits a text into sentences and extracts their features, with the language of each paragraph checked by
    /// <paramref name="detector"/>: paragraphs confidently in the other language are marked never to pair, and
    /// Vietnamese paragraphs without diacritics are read on their restored view when <paramref name="restoreDiacritics"/>.
    /// </summary>
    /// <param name="text">The original text.</param>
    /// <param name="side">Which language the text is in.</param>
    /// <param name="lexicon">The lexicon; lexical features are left empty when null.</param>
    /// <param name="detector">The language detector; no paragraph is checked when null.</param>
    /// <param name="restoreDiacritics">Restore the diacritics of Vietnamese paragraphs written without them (with the embedded model).</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    public static (IReadOnlyList<Sentence> Sentences, IReadOnlyList<SentenceFeatures> Features) Prepare(string text, Side side, Lexicon? lexicon, LanguageDetector? detector, bool restoreDiacritics, CancellationToken cancellationToken = default)
    {
        var (_, sentences, features) = PrepareSide(text, side, lexicon, detector, restoreDiacritics, cancellationToken);
        return (sentences, features);
    }

    private static (ReadText Read, Sentence[] Sentences, SentenceFeatures[] Features) PrepareSide(string text, Side side, Lexicon? lexicon, LanguageDetector? detector, bool restoreDiacritics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = Read(text, relatedLists: true, detector, restoreDiacritics && side == Side.Vietnamese, null, cancellationToken);
        var other = side == Side.English ? DetectedLanguage.Vietnamese : DetectedLanguage.English;
        var sentences = new Sentence[read.Count];
        var features = new SentenceFeatures[read.Count];
        for (var k = 0; k < read.Count; k++)
        {
            CheckEvery1024(k, cancellationToken);
            const double Confident = 0.9;
            var otherLanguage = read.Languages is { } languages && languages[k].Language == other && languages[k].Confidence >= Confident;
            sentences[k] = read.Original(k);
            features[k] = read.Features(k, side, lexicon, otherLanguage);
        }

        return (read, sentences, features);
    }

    /// <summary>
    /// Splits a text that may hold both languages into sentences, gives each paragraph to the language
    /// <paramref name="detector"/> finds in it, and extracts the features of each sentence for its language.
    /// Paragraphs of unknown language belong to neither side.
    /// </summary>
    /// <param name="text">The original text.</param>
    /// <param name="lexicon">The lexicon; lexical features are left empty when null.</param>
    /// <param name="detector">The language detector.</param>
    /// <param name="restoreDiacritics">Read Vietnamese paragraphs written without diacritics on their restored view.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    /// <returns>The English sentences and the Vietnamese ones, each in text order with ranges into the original text.</returns>
    public static (PreparedText English, PreparedText Vietnamese) PrepareBilingual(
        string text, Lexicon? lexicon, LanguageDetector detector, bool restoreDiacritics, CancellationToken cancellationToken = default) =>
        PrepareBilingual(text, lexicon, detector, restoreDiacritics, (Lazy<DocumentCache>?)null, cancellationToken);

    /// <summary>
    /// <see cref="PrepareBilingual(string, Lexicon, LanguageDetector, bool, CancellationToken)"/> with the diacritics of
    /// bare Vietnamese restored using <paramref name="cache"/> (in a collection, the cache of all its files,
    /// <see cref="DiacriticRestorer.CreateCache(IEnumerable{string})"/> of <see cref="DiacriticRestorer.Default"/>); the
    /// text's own cache when null.
    /// </summary>
    public static (PreparedText English, PreparedText Vietnamese) PrepareBilingual(
        string text, Lexicon? lexicon, LanguageDetector detector, bool restoreDiacritics, DocumentCache? cache, CancellationToken cancellationToken = default) =>
        PrepareBilingual(text, lexicon, detector, restoreDiacritics, cache is null ? null : new Lazy<DocumentCache>(cache), cancellationToken);

    // The cache is lazy: a collection builds it only when some file holds Vietnamese without diacritics.
    internal static (PreparedText English, PreparedText Vietnamese) PrepareBilingual(
        string text, Lexicon? lexicon, LanguageDetector detector, bool restoreDiacritics, Lazy<DocumentCache>? cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(detector);

        // Related-news lists are not furniture here: their teasers may have translations in other files.
        var read = Read(text, relatedLists: false, detector, restoreDiacritics, cache, cancellationToken);
        var englishSentences = new List<Sentence>();
        var englishFeatures = new List<SentenceFeatures>();
        var vietnameseSentences = new List<Sentence>();
        var vietnameseFeatures = new List<SentenceFeatures>();
        for (var k = 0; k < read.Count; k++)
        {
            CheckEvery1024(k, cancellationToken);
            switch (read.Languages![k].Language)
            {
                case DetectedLanguage.English:
                    englishSentences.Add(read.Original(k));
                    englishFeatures.Add(read.Features(k, Side.English, lexicon, false));
                    break;
                case DetectedLanguage.Vietnamese:
                    vietnameseSentences.Add(read.Original(k));
                    vietnameseFeatures.Add(read.Features(k, Side.Vietnamese, lexicon, false));
                    break;
            }
        }

        return (new PreparedText(englishSentences, englishFeatures), new PreparedText(vietnameseSentences, vietnameseFeatures));
    }

    private static void CheckEvery1024(int k, CancellationToken cancellationToken)
    {
        if ((k & 1023) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    // What both preparations start from: the normalised view, its sentences, which of them are page furniture, the
    // language of each sentence's paragraph (when a detector is given) and the text the features are read from.
    private static ReadText Read(string text, bool relatedLists, LanguageDetector? detector, bool restoreDiacritics, Lazy<DocumentCache>? cache, CancellationToken cancellationToken)
    {
        var view = NormalizedText.Create(text);
        var sentences = SentenceSplitter.Split(view.Text);
        var furniture = PageFurniture.Classify(view.Text, sentences, relatedLists);
        if (detector is null)
        {
            return new ReadText(view, sentences, furniture, null, view.Text);
        }

        var (languages, scored) = DetectParagraphs(view.Text, sentences, detector, restoreDiacritics, cache, cancellationToken);
        return new ReadText(view, sentences, furniture, languages, scored);
    }

    private sealed record ReadText(NormalizedText View, IReadOnlyList<Sentence> Sentences, bool[] Furniture, LanguageDetection[]? Languages, string Scored)
    {
        public int Count => Sentences.Count;

        /// <summary>Sentence <paramref name="k"/> with its range in the original text.</summary>
        public Sentence Original(int k) => Sentences[k] with { Range = View.ToOriginal(Sentences[k].Range) };

        public SentenceFeatures Features(int k, Side side, Lexicon? lexicon, bool otherLanguage) =>
            AlignmentPipeline.Features(Sentences[k].Range.Slice(Scored), side, lexicon, Furniture[k], otherLanguage);
    }

    private static SentenceFeatures Features(ReadOnlySpan<char> slice, Side side, Lexicon? lexicon, bool furniture, bool otherLanguage) =>
        new(FeatureExtractor.Extract(slice))
        {
            Lexical = lexicon is null ? LexicalFeatures.Empty : side == Side.English ? LexicalFeatures.English(slice, lexicon) : LexicalFeatures.Vietnamese(slice, lexicon),
            IsFurniture = furniture,
            IsOtherLanguage = otherLanguage,
        };

    // The language of each sentence's paragraph, and the text the features are read from: the normalised text, with
    // Vietnamese paragraphs that lack their diacritics restored when asked (same length, same offsets), with what the
    // accented text of the file (or of the collection, when a cache is given) writes.
    private static (LanguageDetection[] Languages, string Scored) DetectParagraphs(string text, IReadOnlyList<Sentence> sentences, LanguageDetector detector, bool restoreDiacritics, Lazy<DocumentCache>? cache, CancellationToken cancellationToken)
    {
        var languages = new LanguageDetection[sentences.Count];
        char[]? restored = null;
        DocumentCache? documentCache = null;
        foreach (var (first, end) in SentenceSplitter.ParagraphExtents(sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var range = new TextRange(sentences[first].Range.Start, sentences[end - 1].Range.End);
            var detection = detector.Detect(text, range);
            languages.AsSpan(first, end - first).Fill(detection);
            if (restoreDiacritics && detection.Language == DetectedLanguage.Vietnamese && !detection.HasDiacritics)
            {
                restored ??= text.ToCharArray();
                documentCache ??= cache?.Value ?? DiacriticRestorer.Default.CreateCache(text);
                DiacriticRestorer.Default.Restore(range.Slice(text), documentCache, cancellationToken).CopyTo(restored.AsSpan(range.Start));
            }
        }

        return (languages, restored is null ? text : new string(restored));
    }
}
