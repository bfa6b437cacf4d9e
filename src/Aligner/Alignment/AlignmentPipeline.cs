using Aligner.Detection;
using Aligner.Input;
using Aligner.Preparation;
using Aligner.Scoring;

namespace Aligner.Alignment;

/// <summary>
/// Aligns two documents: each is prepared (<see cref="DocumentPreparer"/>), then the bead aligner searches its band,
/// then glued sentences are split where the other side shows the cut. Build one with <see cref="Create"/> and reuse
/// it: it is immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var pipeline = AlignmentPipeline.Create(AlignmentOptions.Default with { Unmatched = 0.1 });
/// var alignment = pipeline.Align(new SourceText(english, "en.txt"), new SourceText(vietnamese, "vi.txt"));
/// </code>
/// </example>
public sealed class AlignmentPipeline
{
    private readonly BeadAligner aligner;
    private readonly ComparableLinker? comparableLinker;

    private AlignmentPipeline(PairScorer scorer, DocumentPreparer preparer, AlignmentOptions options)
    {
        Scorer = scorer;
        Preparer = preparer;
        Options = options;
        aligner = new BeadAligner(scorer, options);
        var comparable = scorer.ForComparableText();
        if (comparable.IsComparable && options.ComparableShare > 0)
        {
            comparableLinker = new ComparableLinker(comparable);
        }
    }

    /// <summary>The pipeline with the default options and the embedded models.</summary>
    public static AlignmentPipeline Default { get; } = new(PairScorer.Default, DocumentPreparer.Default, AlignmentOptions.Default);

    /// <summary>The options the pipeline was built with.</summary>
    public AlignmentOptions Options { get; }

    /// <summary>The sentence-pair scorer.</summary>
    internal PairScorer Scorer { get; }

    /// <summary>The document stage: detector, restorer and lexicon.</summary>
    public DocumentPreparer Preparer { get; }

    /// <summary>Builds a pipeline.</summary>
    /// <param name="options">Aligner options; the defaults when null.</param>
    /// <param name="model">Scorer model; the embedded default when null. A model is fitted together with a lexicon (the preparer's).</param>
    /// <param name="preparer">The document stage; <see cref="DocumentPreparer.Default"/> (the embedded detector, restorer and lexicon) when null.</param>
    public static AlignmentPipeline Create(AlignmentOptions? options = null, ScorerModel? model = null, DocumentPreparer? preparer = null)
    {
        options ??= AlignmentOptions.Default;
        options.Validate();
        return new AlignmentPipeline(model is null ? PairScorer.Default : new PairScorer(model), preparer ?? DocumentPreparer.Default, options);
    }

    /// <summary>Aligns an English document with a Vietnamese one.</summary>
    public DocumentAlignment Align(SourceText english, SourceText vietnamese, CancellationToken cancellationToken = default) =>
        Align(english, vietnamese, null, cancellationToken);

    /// <summary>Aligns an English document with a Vietnamese one, adding the time of each stage to <paramref name="times"/>.</summary>
    internal DocumentAlignment Align(SourceText english, SourceText vietnamese, StageTimes? times, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        var alignment = Align(english, vietnamese, Preparer, times, cancellationToken);
        if (Options.SelfTrainingMinimumPairs <= 0 || Preparer.Lexicon is null)
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
        return Align(english, vietnamese, Preparer.WithLexicon(Preparer.Lexicon.Merge(learned)), times, cancellationToken);
    }

    // Few pairs teach Model 1 little: keep only what is clear.
    private static readonly Training.LexiconTrainingOptions SelfTrainingLexicon = new()
    {
        MinimumProbability = 0.3,
        MaximumTranslations = 2,
        MinimumMass = 0.5,
    };

    private DocumentAlignment Align(SourceText english, SourceText vietnamese, DocumentPreparer preparer, StageTimes? times, CancellationToken cancellationToken)
    {
        // The two sides are prepared at the same time (each on its own, so the result does not depend on the cores).
        var englishSide = Task.Run(() => preparer.Prepare(english, DetectedLanguage.English, times, cancellationToken), cancellationToken);
        var vi = preparer.Prepare(vietnamese, DetectedLanguage.Vietnamese, times, cancellationToken);
        var en = englishSide.GetAwaiter().GetResult();
        return Align(en, vi, times, cancellationToken);
    }

    /// <summary>Aligns two prepared documents (<see cref="DocumentPreparer.Prepare(SourceText, DetectedLanguage, CancellationToken)"/>).</summary>
    /// <exception cref="ArgumentException">The documents are not English and Vietnamese, in that order.</exception>
    public DocumentAlignment Align(PreparedText english, PreparedText vietnamese, CancellationToken cancellationToken = default) =>
        Align(english, vietnamese, null, cancellationToken);

    private DocumentAlignment Align(PreparedText english, PreparedText vietnamese, StageTimes? times, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        if (english.Language != DetectedLanguage.English || vietnamese.Language != DetectedLanguage.Vietnamese)
        {
            throw new ArgumentException($"An alignment takes an English and a Vietnamese document, not {english.Language} and {vietnamese.Language}.", nameof(vietnamese));
        }

        var (enFeatures, viFeatures) = (english.Features, vietnamese.Features);
        var start = StageTimes.Start();
        var beads = aligner.Align(enFeatures, viFeatures, cancellationToken);
        times?.Add("band search (pair scoring included)", start);
        if (comparableLinker is not null)
        {
            // The comparable scorer also weighs the names and numbers each document tells in one sentence only.
            start = StageTimes.Start();
            var (enKeyed, viKeyed) = DocumentKeys.WithUniqueKeys(enFeatures, viFeatures);
            if (PairedShare(beads, enFeatures, viFeatures) < Options.ComparableShare)
            {
                var retold = comparableLinker.Link(enKeyed, viKeyed, cancellationToken);
                times?.Add("comparable-text linking (keys, probabilities)", start);
                return new DocumentAlignment(english.Source, vietnamese.Source, english.Sentences, vietnamese.Sentences, retold);
            }

            beads = WithLinkProbability(beads, enKeyed, viKeyed);
            times?.Add("comparable-text linking (keys, probabilities)", start);
        }

        if (!Options.SplitGluedSentences || !english.HasParts || !vietnamese.HasParts)
        {
            return new DocumentAlignment(english.Source, vietnamese.Source, english.Sentences, vietnamese.Sentences, beads);
        }

        start = StageTimes.Start();
        var split = GluedSentences.Split(english, vietnamese, beads, Scorer, Options, cancellationToken);
        times?.Add("glued-sentence refinement", start);
        return new DocumentAlignment(english.Source, vietnamese.Source, split.English, split.Vietnamese, split.Beads);
    }

    // A pair's score is the probability that a reader links its sides: in translations, the translation scorer's
    // probability or the comparable scorer's, whichever is surer (comparable text scores the comparable one alone,
    // which is calibrated on such text: the translation scorer is too sure there).
    private Bead[] WithLinkProbability(IReadOnlyList<Bead> beads, SentenceFeatures[] english, SentenceFeatures[] vietnamese)
    {
        var result = new Bead[beads.Count];
        for (var k = 0; k < beads.Count; k++)
        {
            var bead = beads[k];
            if (bead.EnglishCount > 0 && bead.VietnameseCount > 0)
            {
                var p = Scorer.LinkProbability(SentenceFeatures.Span(english, bead.EnglishStart, bead.EnglishCount), SentenceFeatures.Span(vietnamese, bead.VietnameseStart, bead.VietnameseCount));
                bead = bead with { Score = Math.Max(bead.Score, p) };
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
}
