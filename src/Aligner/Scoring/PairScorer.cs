using MathNet.Numerics;

namespace Aligner.Scoring;

/// <summary>
/// Scores how likely two spans are translations of each other, from their lengths (Gale–Church) and their
/// anchors (numbers and names). The score is a log-likelihood ratio of "translation" against "unrelated
/// nearby sentence"; <see cref="Probability"/> turns it into a probability for even prior odds.
/// </summary>
/// <remarks>Immutable and thread-safe; allocation-free per call.</remarks>
internal sealed class PairScorer
{
    private readonly double ratio;
    private readonly double variance;
    private readonly double randomMean;
    private readonly double randomDeviation;
    private readonly double logRandomDeviation;
    private readonly double logInlier;
    private readonly double logOutlier;
    private readonly AnchorWeights englishNumbers;
    private readonly AnchorWeights vietnameseNumbers;
    private readonly AnchorWeights englishNames;
    private readonly AnchorWeights vietnameseNames;
    private readonly AnchorWeights englishMarks;
    private readonly AnchorWeights vietnameseMarks;
    private readonly WordCoverage englishWords;
    private readonly WordCoverage vietnameseWords;

    // The comparable regression's log-odds are scaled by this factor of the model (ScorerModel.ComparableCalibration).
    private readonly double comparableCalibration;

    // Per-length square roots and logarithms for LengthScore, which needs them for every pair the aligner considers.
    private const int TabulatedLengths = 2048;
    private readonly double[] deviations;
    private readonly double[] logDeviations;
    private readonly double[] logLengths;

    /// <summary>Creates a scorer from a model.</summary>
    public PairScorer(ScorerModel model)
        : this(model, comparable: false)
    {
    }

    private PairScorer(ScorerModel model, bool comparable)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        Model = model;
        ratio = model.LengthRatio;
        variance = model.LengthVariance;
        randomMean = model.RandomLogRatioMean;
        randomDeviation = model.RandomLogRatioDeviation;
        logRandomDeviation = Math.Log(randomDeviation);
        logInlier = Math.Log(1 - model.LengthOutlierRate);
        logOutlier = Math.Log(model.LengthOutlierRate);
        deviations = new double[TabulatedLengths];
        logDeviations = new double[TabulatedLengths];
        logLengths = new double[TabulatedLengths];
        for (var n = 1; n < TabulatedLengths; n++)
        {
            deviations[n] = Math.Sqrt(variance * n);
            logDeviations[n] = Math.Log(deviations[n]);
            logLengths[n] = Math.Log(n);
        }

        englishNumbers = new AnchorWeights(model.EnglishNumberFound, model.EnglishNumberFoundByChance);
        vietnameseNumbers = new AnchorWeights(model.VietnameseNumberFound, model.VietnameseNumberFoundByChance);
        englishNames = new AnchorWeights(model.EnglishNameFound, model.EnglishNameFoundByChance);
        vietnameseNames = new AnchorWeights(model.VietnameseNameFound, model.VietnameseNameFoundByChance);
        englishMarks = new AnchorWeights(model.EnglishMarkFound, model.EnglishMarkFoundByChance);
        vietnameseMarks = new AnchorWeights(model.VietnameseMarkFound, model.VietnameseMarkFoundByChance);
        if (model.Weights.Length != 0)
        {
            englishWords = new WordCoverage(model.EnglishWordCovered, model.EnglishWordCoveredByChance, model.EnglishWordChanceScale, model.EnglishWordChanceBackground);
            vietnameseWords = new WordCoverage(model.VietnameseWordCovered, model.VietnameseWordCoveredByChance, model.VietnameseWordChanceScale, model.VietnameseWordChanceBackground);
        }

        comparableCalibration = model.ComparableCalibration;
        IsComparable = comparable && model.ComparableWeights.Length != 0;
    }

    /// <summary>
    /// True when <see cref="Score"/> judges comparable text (two outlets telling one event in their own words,
    /// <see cref="ScorerModel.ComparableWeights"/>) rather than translations.
    /// </summary>
    public bool IsComparable { get; }

    /// <summary>
    /// The scorer of the same model for comparable text: its score is the log-odds that a careful bilingual reader
    /// links the two spans as the same statement (a translation or a paraphrase that may add or drop details). A model
    /// without comparable weights gives back a translation scorer.
    /// </summary>
    public PairScorer ForComparableText() => IsComparable || Model.ComparableWeights.Length == 0 ? this : new PairScorer(Model, comparable: true);

    /// <summary>
    /// The probability that <paramref name="english"/> and <paramref name="vietnamese"/> state the same thing, as a
    /// translation or retold in other words (the comparable-text regression, calibrated on comparable news). Needs a
    /// model with <see cref="ScorerModel.ComparableWeights"/>; without them, the translation probability.
    /// </summary>
    public double LinkProbability(SentenceFeatures english, SentenceFeatures vietnamese)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        if (english.IsFurniture || vietnamese.IsFurniture || english.IsOtherLanguage || vietnamese.IsOtherLanguage)
        {
            return 0;
        }

        if (Model.ComparableWeights.Length == 0)
        {
            return Probability(TranslationScore(english, vietnamese));
        }

        return Probability(comparableCalibration * ComparableSum(english, vietnamese));
    }

    /// <summary>The features the comparable-text regression of <see cref="ScorerModel.ComparableWeights"/> combines, in order.</summary>
    public static IReadOnlyList<string> ComparableFeatureNames { get; } =
    [
        "length", "shared numbers", "contradicting numbers", "numbers on one side", "shared names", "contradicting names",
        "names on one side", "english words", "vietnamese words", "better covered side", "english words found",
        "vietnamese words found", "anchors told once in both documents",
    ];

    /// <summary>
    /// The features of a pair for comparable text (see <see cref="ComparableFeatureNames"/>). A paraphrase drops and
    /// adds details, so a number missing from a side with no numbers weighs apart from one contradicted by another
    /// number, the length is clipped, and the side whose words are best covered by the other (the shorter retelling)
    /// counts on its own.
    /// </summary>
    internal void ComparableFeatures(SentenceFeatures english, SentenceFeatures vietnamese, Span<double> x)
    {
        x[0] = Math.Clamp(LengthScore(english.Length, vietnamese.Length), -4, 4);
        var shared = AnchorMatching.SharedNumbers(english, vietnamese);
        var onlyEnglish = english.Numbers.Length - shared;
        var onlyVietnamese = vietnamese.Numbers.Length - shared;
        var contradicting = Math.Min(onlyEnglish, onlyVietnamese);
        x[1] = Math.Min(shared, 6);
        x[2] = Math.Min(contradicting, 6);
        x[3] = Math.Min(Math.Max(onlyEnglish, onlyVietnamese) - contradicting, 6);
        var (foundEn, foundVi) = AnchorMatching.SharedNames(english, vietnamese);
        var namesOnlyEnglish = english.NameGroups - foundEn;
        var namesOnlyVietnamese = vietnamese.NameGroups - foundVi;
        var namesContradicting = Math.Min(namesOnlyEnglish, namesOnlyVietnamese);
        // Counts of names on a logarithmic scale: a report that lists the eight officials at the airport says not eight
        // times more than one that names one of them.
        x[4] = Math.Log(1 + foundEn + foundVi);
        x[5] = Math.Log(1 + namesContradicting);
        x[6] = Math.Log(1 + Math.Max(namesOnlyEnglish, namesOnlyVietnamese) - namesContradicting);
        x[7] = Math.Clamp(englishWords.Score(english.Lexical, vietnamese.Lexical), -60, 60) / 10;
        x[8] = Math.Clamp(vietnameseWords.Score(vietnamese.Lexical, english.Lexical), -60, 60) / 10;
        x[9] = Math.Max(Share(english.Lexical, vietnamese.Lexical), Share(vietnamese.Lexical, english.Lexical));

        // The evidence of the words found on the other side alone, apart from the cost of those not found: a retelling
        // drops and adds words, so a missing word weighs less than in a translation (the regression weighs the two).
        x[10] = Math.Clamp(englishWords.Found(english.Lexical, vietnamese.Lexical), 0, 60) / 10;
        x[11] = Math.Clamp(vietnameseWords.Found(vietnamese.Lexical, english.Lexical), 0, 60) / 10;

        // A name or number that each document tells in this sentence only (DocumentKeys; 0 when not annotated).
        x[12] = Math.Min(DocumentKeys.SharedUnique(english, vietnamese), 4);

        static double Share(LexicalFeatures source, LexicalFeatures target) =>
            source.Known < 2 ? 0 : (double)LexicalFeatures.Covered(source, target) / source.Known;
    }

    /// <summary>The features the logistic regression of <see cref="ScorerModel.Weights"/> combines, in order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "length", "anchors", "english words", "vietnamese words",
    ];

    // Lazy: loading the default model validates it against FeatureNames, which must not wait on this scorer.
    private static readonly Lazy<PairScorer> DefaultScorer = new(() => new PairScorer(ScorerModel.Default));

    /// <summary>A scorer with the embedded default model.</summary>
    public static PairScorer Default => DefaultScorer.Value;

    /// <summary>The model the scorer uses.</summary>
    public ScorerModel Model { get; }

    /// <summary>Turns a log-likelihood ratio into the probability of a translation at even prior odds.</summary>
    public static double Probability(double logLikelihoodRatio) => 1 / (1 + Math.Exp(-logLikelihoodRatio));

    /// <summary>
    /// The log-likelihood ratio that <paramref name="english"/> and <paramref name="vietnamese"/> are translations
    /// rather than unrelated: positive favours a translation.
    /// </summary>
    public double Score(SentenceFeatures english, SentenceFeatures vietnamese)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        if (IsComparable)
        {
            var sum = ComparableSum(english, vietnamese);
            // A reader links the two when they are a translation or the same statement retold: the surer of the two.
            return Math.Max(comparableCalibration * sum, TranslationScore(english, vietnamese));
        }

        return TranslationScore(english, vietnamese);
    }

    private double ComparableSum(SentenceFeatures english, SentenceFeatures vietnamese)
    {
        Span<double> c = stackalloc double[13];
        ComparableFeatures(english, vietnamese, c);
        var weights = Model.ComparableWeights;
        var sum = Model.ComparableBias;
        for (var k = 0; k < c.Length; k++)
        {
            sum += weights[k] * c[k];
        }

        return sum;
    }

    private double TranslationScore(SentenceFeatures english, SentenceFeatures vietnamese)
    {
        var length = LengthScore(english.Length, vietnamese.Length);
        var anchors = AnchorScore(english, vietnamese);
        var weights = Model.Weights;
        if (weights.Length == 0)
        {
            return length + anchors;
        }

        Span<double> x = stackalloc double[4];
        Features(length, anchors, english.Lexical, vietnamese.Lexical, x);
        var score = Model.Bias;
        for (var k = 0; k < x.Length; k++)
        {
            score += weights[k] * x[k];
        }

        return score;
    }

    /// <summary>
    /// Computes the logistic-regression features of a pair (see <see cref="FeatureNames"/>): the length and anchor
    /// log-likelihood ratios, and for each side the log-likelihood ratio of how many of its words with a lexicon
    /// entry have a translation on the other side. A pair without lexical evidence gets zero from the words.
    /// </summary>
    internal void Features(double length, double anchors, LexicalFeatures english, LexicalFeatures vietnamese, Span<double> x)
    {
        x[0] = Math.Clamp(length, -12, 12);
        x[1] = Math.Clamp(anchors, -30, 30);
        x[2] = Math.Clamp(englishWords.Score(english, vietnamese), -60, 60);
        x[3] = Math.Clamp(vietnameseWords.Score(vietnamese, english), -60, 60);
    }

    /// <summary>The length part of <see cref="Score"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double LengthScore(int englishLength, int vietnameseLength)
    {
        double l = Math.Max(englishLength, 1);
        double x = Math.Max(vietnameseLength, 1);
        var expected = ratio * l;

        // Density of the Vietnamese length: Gale–Church for a translation, log-normal ratio for unrelated text. The
        // normal log-densities are written out as MathNet's Normal.PDFLn computes them, with the logarithms and square
        // roots of whole lengths from tables: the same bits with two calls to Math.Log instead of five.
        var tabulated = englishLength < TabulatedLengths && vietnameseLength < TabulatedLengths;
        var deviation = tabulated ? deviations[(int)l] : Math.Sqrt(variance * l);
        var logDeviation = tabulated ? logDeviations[(int)l] : Math.Log(deviation);
        var logX = tabulated ? logLengths[(int)x] : Math.Log(x);
        var d = (x - expected) / deviation;
        var translation = (-0.5 * d * d) - logDeviation - Constants.LogSqrt2Pi;
        var z = (Math.Log(x / expected) - randomMean) / randomDeviation;
        var unrelated = (-0.5 * z * z) - logRandomDeviation - Constants.LogSqrt2Pi - logX;

        // A translation is Gale–Church with probability 1-ε and unrelated-looking with probability ε.
        var a = logInlier + translation;
        var b = logOutlier + unrelated;
        var mixed = a > b ? a + Math.Log(1 + Math.Exp(b - a)) : b + Math.Log(1 + Math.Exp(a - b));
        return mixed - unrelated;
    }

    /// <summary>The anchor part of <see cref="Score"/>.</summary>
    public double AnchorScore(SentenceFeatures english, SentenceFeatures vietnamese)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        var score = 0.0;
        var numbers = AnchorMatching.SharedNumbers(english, vietnamese);
        score += englishNumbers.Score(numbers, english.Numbers.Length);
        score += vietnameseNumbers.Score(numbers, vietnamese.Numbers.Length);

        var (foundEn, foundVi) = AnchorMatching.SharedNames(english, vietnamese);
        score += englishNames.Score(foundEn, english.NameGroups);
        score += vietnameseNames.Score(foundVi, vietnamese.NameGroups);

        var marks = AnchorMatching.SharedMarks(english, vietnamese);
        score += englishMarks.Score(marks, english.Marks.Length);
        score += vietnameseMarks.Score(marks, vietnamese.Marks.Length);
        return score;
    }

    private readonly struct AnchorWeights(double found, double byChance)
    {
        private readonly double hit = Math.Log(found / byChance);
        private readonly double miss = Math.Log((1 - found) / (1 - byChance));

        public double Score(int foundCount, int total) => total == 0 ? 0 : (foundCount * hit) + ((total - foundCount) * miss);
    }

    // A word with a lexicon entry finds a translation among m target words by chance with probability 1 − (1 − q)^m,
    // and in its real translation with probability 1 − (1 − a)(1 − q)^m: a longer target covers more by chance,
    // so merging sentences into one bead does not earn lexical evidence for free. With per-word rates in the
    // lexicon and a fitted scale, q is the word's own: 1 − q = exp(−(λ₀ + s·λ_w)), so "have" ↔ "có" earns little.
    private readonly struct WordCoverage(double translated, double chance, double scale, double background)
    {
        private readonly double logMissTranslated = Math.Log(1 - translated);
        private readonly double logMissChance = Math.Log(1 - chance);
        private readonly CoverageGain gain = new(Math.Exp(Math.Log(1 - translated)));

        public double Score(LexicalFeatures source, LexicalFeatures target)
        {
            if (source.Known == 0 || logMissChance == 0)
            {
                return 0;
            }

            return scale > 0 && source.Chance is not null
                ? LexicalFeatures.CoverageScore(source, target, logMissTranslated, background, scale, gain)
                : Score(LexicalFeatures.Covered(source, target), source.Known, target.Known);
        }

        // The covered positions' part of Score alone (the comparable scorer's "words found" features).
        public double Found(LexicalFeatures source, LexicalFeatures target)
        {
            if (source.Known == 0 || logMissChance == 0)
            {
                return 0;
            }

            if (scale > 0 && source.Chance is not null)
            {
                return LexicalFeatures.CoveredEvidence(source, target, background, scale, gain);
            }

            var covered = LexicalFeatures.Covered(source, target);
            return covered == 0 ? 0 : Score(covered, covered, target.Known);
        }

        public double Score(int covered, int known, int targetKnown)
        {
            if (known == 0 || logMissChance == 0)
            {
                return 0;
            }

            // The miss ratio (1 − a)(1 − q)^m / (1 − q)^m is 1 − a whatever m, which keeps huge targets finite.
            var missByChance = Math.Exp(logMissChance * Math.Max(targetKnown, 1));
            var hit = Math.Log((1 - (Math.Exp(logMissTranslated) * missByChance)) / (1 - missByChance));
            return (covered * hit) + ((known - covered) * logMissTranslated);
        }
    }
}
