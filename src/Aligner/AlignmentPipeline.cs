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
    private readonly BeadAligner? comparableAligner;

    private AlignmentPipeline(PairScorer scorer, Lexicon lexicon, AlignmentOptions options)
    {
        Scorer = scorer;
        Lexicon = lexicon;
        Options = options;
        aligner = new BeadAligner(scorer, options);
        var comparable = scorer.ForComparableText();
        if (comparable.IsComparable && options.ComparableShare > 0)
        {
            // Every sentence of comparable text may stay unpaired at no cost: a pair is made where its log-odds beat
            // the 1-1 prior, and nothing else decides.
            comparableAligner = new BeadAligner(comparable, options with { RegionChange = 1, UnmatchedInOneSidedRun = 1 });
        }
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
    public DocumentAlignment Align(SourceText english, SourceText vietnamese, CancellationToken cancellationToken = default) =>
        Align(english, vietnamese, null, cancellationToken);

    /// <summary>Aligns an English document with a Vietnamese one, adding the time of each stage to <paramref name="times"/>.</summary>
    internal DocumentAlignment Align(SourceText english, SourceText vietnamese, StageTimes? times, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        var alignment = Align(english, vietnamese, Lexicon, times, cancellationToken);
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
                confident.Add((english.ContentOf(alignment.EnglishRange(bead)!.Value), vietnamese.ContentOf(alignment.VietnameseRange(bead)!.Value)));
            }
        }

        if (confident.Count < Options.SelfTrainingMinimumPairs)
        {
            return alignment;
        }

        var learned = Training.LexiconTrainer.Train(confident, SelfTrainingLexicon, "self-training", cancellationToken: cancellationToken);
        return Align(english, vietnamese, Lexicon.Merge(learned), times, cancellationToken);
    }

    // Few pairs teach Model 1 little: keep only what is clear.
    private static readonly Training.LexiconTrainingOptions SelfTrainingLexicon = new()
    {
        MinimumProbability = 0.3,
        MaximumTranslations = 2,
        MinimumMass = 0.5,
    };

    private DocumentAlignment Align(SourceText english, SourceText vietnamese, Lexicon lexicon, StageTimes? times, CancellationToken cancellationToken)
    {
        var detector = Options.DetectLanguage ? LanguageDetector.Default : null;

        // The two sides are prepared at the same time (each on its own, so the result does not depend on the cores).
        var englishSide = Task.Run(() => PrepareSide(english.Content, Side.English, lexicon, detector, Options.RestoreDiacritics, times, cancellationToken), cancellationToken);
        var (viRead, viSentences, viFeatures) = PrepareSide(vietnamese.Content, Side.Vietnamese, lexicon, detector, Options.RestoreDiacritics, times, cancellationToken);
        var (enRead, enSentences, enFeatures) = englishSide.GetAwaiter().GetResult();
        var start = StageTimes.Start();
        var beads = aligner.Align(enFeatures, viFeatures, cancellationToken);
        times?.Add("band search (pair scoring included)", start);
        if (comparableAligner is not null)
        {
            // The comparable scorer also weighs the names and numbers each document tells in one sentence only.
            var (enKeyed, viKeyed) = DocumentKeys.WithUniqueKeys(enFeatures, viFeatures);
            if (PairedShare(beads, enFeatures, viFeatures) < Options.ComparableShare)
            {
                var retold = WithLinkProbability(comparableAligner.Align(enKeyed, viKeyed, cancellationToken), enKeyed, viKeyed, replace: true);
                return new DocumentAlignment(english, vietnamese, ToSource(english, enSentences), ToSource(vietnamese, viSentences), retold);
            }

            beads = WithLinkProbability(beads, enKeyed, viKeyed, replace: false);
        }

        if (!Options.SplitGluedSentences)
        {
            return new DocumentAlignment(english, vietnamese, ToSource(english, enSentences), ToSource(vietnamese, viSentences), beads);
        }

        start = StageTimes.Start();
        var split = GluedSentences.Split(
            new GluedSentences.SideText(enSentences, enFeatures, new SentenceParts(enRead, Side.English, lexicon)),
            new GluedSentences.SideText(viSentences, viFeatures, new SentenceParts(viRead, Side.Vietnamese, lexicon)),
            beads,
            Scorer,
            Options,
            cancellationToken);
        times?.Add("glued-sentence refinement", start);
        return new DocumentAlignment(english, vietnamese, ToSource(english, split.English), ToSource(vietnamese, split.Vietnamese), split.Beads);
    }

    // Sentences read from a source's content, with their ranges moved into its text (an HTML page's source).
    private static IReadOnlyList<Sentence> ToSource(SourceText source, IReadOnlyList<Sentence> sentences)
    {
        if (source.Format == SourceFormat.PlainText)
        {
            return sentences;
        }

        var moved = new Sentence[sentences.Count];
        for (var k = 0; k < moved.Length; k++)
        {
            moved[k] = sentences[k] with { Range = source.ToSource(sentences[k].Range) };
        }

        return moved;
    }

    /// <summary>
    /// <see cref="PrepareBilingual(string, Lexicon?, LanguageDetector, bool, CancellationToken)"/> for a document read
    /// from a file: its <see cref="SourceText.Content"/> is read, and the sentences' ranges point into its
    /// <see cref="SourceText.Text"/> (an HTML page's source).
    /// </summary>
    public static (PreparedText English, PreparedText Vietnamese) PrepareBilingual(
        SourceText source, Lexicon? lexicon, LanguageDetector detector, bool restoreDiacritics, CancellationToken cancellationToken = default) =>
        PrepareBilingual(source, lexicon, detector, restoreDiacritics, null, cancellationToken);

    // With the collection's diacritics cache (built lazily, only when some file holds Vietnamese without diacritics).
    internal static (PreparedText English, PreparedText Vietnamese) PrepareBilingual(
        SourceText source, Lexicon? lexicon, LanguageDetector detector, bool restoreDiacritics, Lazy<DocumentCache>? cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (english, vietnamese) = PrepareBilingual(source.Content, lexicon, detector, restoreDiacritics, cache, cancellationToken);
        return source.Format == SourceFormat.PlainText
            ? (english, vietnamese)
            : (english with { Sentences = ToSource(source, english.Sentences) }, vietnamese with { Sentences = ToSource(source, vietnamese.Sentences) });
    }

    // A pair's score is the probability that a reader links its sides. In translations, the translation scorer's
    // probability or the comparable scorer's, whichever is surer; in comparable text (replace), the comparable scorer's
    // alone, which is calibrated on such text (the translation scorer is too sure there).
    private Bead[] WithLinkProbability(IReadOnlyList<Bead> beads, SentenceFeatures[] english, SentenceFeatures[] vietnamese, bool replace)
    {
        var result = new Bead[beads.Count];
        for (var k = 0; k < beads.Count; k++)
        {
            var bead = beads[k];
            if (bead.EnglishCount > 0 && bead.VietnameseCount > 0)
            {
                var p = Scorer.LinkProbability(SentenceFeatures.Span(english, bead.EnglishStart, bead.EnglishCount), SentenceFeatures.Span(vietnamese, bead.VietnameseStart, bead.VietnameseCount));
                bead = bead with { Score = replace ? p : Math.Max(bead.Score, p) };
            }

            result[k] = bead;
        }

        return result;
    }

    // The share of the sentences that may pair (neither furniture nor in the other language) that the beads pair.
    private static double PairedShare(IReadOnlyList<Bead> beads, SentenceFeatures[] english, SentenceFeatures[] vietnamese)
    {
        var candidates = 0;
        foreach (var f in english)
        {
            candidates += f.IsFurniture || f.IsOtherLanguage ? 0 : 1;
        }

        foreach (var f in vietnamese)
        {
            candidates += f.IsFurniture || f.IsOtherLanguage ? 0 : 1;
        }

        var paired = 0;
        foreach (var bead in beads)
        {
            if (bead.EnglishCount > 0 && bead.VietnameseCount > 0)
            {
                paired += bead.EnglishCount + bead.VietnameseCount;
            }
        }

        return candidates == 0 ? 1 : (double)paired / candidates;
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
        var (_, sentences, features) = PrepareSide(text, side, lexicon, detector, restoreDiacritics, null, cancellationToken);
        return (sentences, features);
    }

    private static (ReadText Read, Sentence[] Sentences, SentenceFeatures[] Features) PrepareSide(string text, Side side, Lexicon? lexicon, LanguageDetector? detector, bool restoreDiacritics, StageTimes? times, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = Read(text, relatedLists: true, detector, restoreDiacritics && side == Side.Vietnamese, null, times, cancellationToken);
        var other = side == Side.English ? DetectedLanguage.Vietnamese : DetectedLanguage.English;
        var sentences = new Sentence[read.Count];
        var features = new SentenceFeatures[read.Count];
        for (var k = 0; k < read.Count; k++)
        {
            CheckEvery1024(k, cancellationToken);
            const double Confident = 0.9;
            var otherLanguage = read.Languages is { } languages && languages[k].Language == other && languages[k].Confidence >= Confident;
            sentences[k] = read.Original(k);
            features[k] = read.Features(k, side, lexicon, otherLanguage, times);
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
        var read = Read(text, relatedLists: false, detector, restoreDiacritics, cache, null, cancellationToken);
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
                    englishFeatures.Add(read.Features(k, Side.English, lexicon, false, null));
                    break;
                case DetectedLanguage.Vietnamese:
                    vietnameseSentences.Add(read.Original(k));
                    vietnameseFeatures.Add(read.Features(k, Side.Vietnamese, lexicon, false, null));
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
    private static ReadText Read(string text, bool relatedLists, LanguageDetector? detector, bool restoreDiacritics, Lazy<DocumentCache>? cache, StageTimes? times, CancellationToken cancellationToken)
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
        if (detector is null)
        {
            return new ReadText(view, sentences, furniture, null, view.Text);
        }

        var (languages, scored) = DetectParagraphs(view.Text, sentences, detector, restoreDiacritics, cache, times, cancellationToken);
        return new ReadText(view, sentences, furniture, languages, scored);
    }

    private sealed record ReadText(NormalizedText View, IReadOnlyList<Sentence> Sentences, bool[] Furniture, LanguageDetection[]? Languages, string Scored)
    {
        public int Count => Sentences.Count;

        /// <summary>Sentence <paramref name="k"/> with its range in the original text.</summary>
        public Sentence Original(int k) => Sentences[k] with { Range = View.ToOriginal(Sentences[k].Range) };

        public SentenceFeatures Features(int k, Side side, Lexicon? lexicon, bool otherLanguage, StageTimes? times) =>
            AlignmentPipeline.Features(Sentences[k].Range.Slice(Scored), side, lexicon, Furniture[k], otherLanguage, times);
    }

    private static SentenceFeatures Features(ReadOnlySpan<char> slice, Side side, Lexicon? lexicon, bool furniture, bool otherLanguage, StageTimes? times = null)
    {
        var start = StageTimes.Start();
        var basic = FeatureExtractor.Extract(slice);
        times?.Add("features (length, numbers, names)", start);
        start = StageTimes.Start();
        var lexical = lexicon is null ? LexicalFeatures.Empty : side == Side.English ? LexicalFeatures.English(slice, lexicon) : LexicalFeatures.Vietnamese(slice, lexicon);
        times?.Add("lexical features (tokens, lexicon look-ups)", start);
        return new(basic)
        {
            Lexical = lexical,
            IsFurniture = furniture,
            IsOtherLanguage = otherLanguage,
        };
    }

    // The language of each sentence's paragraph, and the text the features are read from: the normalised text, with
    // Vietnamese paragraphs that lack their diacritics restored when asked (same length, same offsets), with what the
    // accented text of the file (or of the collection, when a cache is given) writes.
    private static (LanguageDetection[] Languages, string Scored) DetectParagraphs(string text, IReadOnlyList<Sentence> sentences, LanguageDetector detector, bool restoreDiacritics, Lazy<DocumentCache>? cache, StageTimes? times, CancellationToken cancellationToken)
    {
        var languages = new LanguageDetection[sentences.Count];
        char[]? restored = null;
        DocumentCache? documentCache = null;
        foreach (var (first, end) in SentenceSplitter.ParagraphExtents(sentences))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var range = new TextRange(sentences[first].Range.Start, sentences[end - 1].Range.End);
            var start = StageTimes.Start();
            var detection = detector.Detect(text, range);
            times?.Add("language detection", start);
            languages.AsSpan(first, end - first).Fill(detection);
            if (restoreDiacritics && detection.Language == DetectedLanguage.Vietnamese && !detection.HasDiacritics)
            {
                start = StageTimes.Start();
                restored ??= text.ToCharArray();
                documentCache ??= cache?.Value ?? DiacriticRestorer.Default.CreateCache(text);
                DiacriticRestorer.Default.Restore(range.Slice(text), documentCache, cancellationToken).CopyTo(restored.AsSpan(range.Start));
                times?.Add("diacritic restoration", start);
            }
        }

        return (languages, restored is null ? text : new string(restored));
    }
}
