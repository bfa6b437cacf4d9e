using Aligner.Alignment;
using Aligner.IO;
using Aligner.Normalization;
using Aligner.Scoring;
using Aligner.Segmentation;

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
        var (enSentences, enFeatures) = Prepare(english.Text, Side.English, Lexicon, cancellationToken);
        var (viSentences, viFeatures) = Prepare(vietnamese.Text, Side.Vietnamese, Lexicon, cancellationToken);
        var beads = aligner.Align(enFeatures, viFeatures, cancellationToken);
        return new DocumentAlignment(english, vietnamese, enSentences, viSentences, beads);
    }

    /// <summary>Splits a text into sentences (ranges into the original text) and extracts their features.</summary>
    /// <param name="text">The original text.</param>
    /// <param name="side">Which language the text is in (for the lexical features).</param>
    /// <param name="lexicon">The lexicon; lexical features are left empty when null.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    public static (IReadOnlyList<Sentence> Sentences, IReadOnlyList<SentenceFeatures> Features) Prepare(string text, Side side, Lexicon? lexicon, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var view = NormalizedText.Create(text);
        var normalised = SentenceSplitter.Split(view.Text);
        var furniture = PageFurniture.Classify(view.Text, normalised);
        var sentences = new Sentence[normalised.Count];
        var features = new SentenceFeatures[normalised.Count];
        for (var k = 0; k < normalised.Count; k++)
        {
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var s = normalised[k];
            var slice = s.Range.Slice(view.Text);
            features[k] = new SentenceFeatures(FeatureExtractor.Extract(slice))
            {
                Lexical = lexicon is null ? LexicalFeatures.Empty : side == Side.English ? LexicalFeatures.English(slice, lexicon) : LexicalFeatures.Vietnamese(slice, lexicon),
                IsFurniture = furniture[k],
            };
            sentences[k] = s with { Range = view.ToOriginal(s.Range) };
        }

        return (sentences, features);
    }
}
