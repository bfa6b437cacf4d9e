namespace Aligner.Training;

/// <summary>Sizes and settings for <c>LanguageDetector.Train</c> (<see cref="TrainingExtensions"/>).</summary>
/// <remarks>Immutable; validated when training starts.</remarks>
public sealed record LanguageDetectorTrainingOptions
{
    /// <summary>The defaults below (the settings of the embedded model).</summary>
    public static LanguageDetectorTrainingOptions Default { get; } = new();

    /// <summary>The longest character n-gram, 1 to 7. Default 4.</summary>
    public int Order { get; init; } = 4;

    /// <summary>log2 of the number of hashed n-gram buckets, 10 to 24. Default 19 (1 MB before compression).</summary>
    public int NgramBits { get; init; } = 19;

    /// <summary>log2 of the number of hashed word buckets, 10 to 24. Default 17.</summary>
    public int WordBits { get; init; } = 17;

    /// <summary>
    /// Additive smoothing of the bucket counts. Default 0.5 (corpora of millions of words); use about 0.01 for a few
    /// thousand words, so that a word seen once or twice is not taken for one the language never uses.
    /// </summary>
    public double Smoothing { get; init; } = 0.5;

    /// <summary>Every this many lines one is held out of the counts to calibrate the confidence. Default 10.</summary>
    public int HeldOutEvery { get; init; } = 10;


    /// <summary>Weight of capitalised words inside a sentence (likely names). Default 0.25.</summary>
    public double CapitalWeight { get; init; } = 0.25;

    /// <summary>
    /// Slope of the log-odds that text is English or Vietnamese per unit of fit (see <see cref="Detection.LanguageModelCalibration"/>).
    /// Default 1. This and the other out-of-model settings cannot be estimated without text in other languages.
    /// </summary>
    public double OutOfModelScale { get; init; } = 1;

    /// <summary>Fit taken off per lower-case word unseen in English training text. Default 2.</summary>
    public double EnglishUnseenWeight { get; init; } = 2;

    /// <summary>Fit taken off per lower-case word that is not a Vietnamese syllable seen in training. Default 4.</summary>
    public double VietnameseUnseenWeight { get; init; } = 4;

    /// <summary>Fit taken off English text per lower-case word with a diacritic. Default 3.</summary>
    public double EnglishDiacriticPenalty { get; init; } = 3;

    /// <summary>Log-odds that text is English or Vietnamese before its fit is seen. Default 3.</summary>
    public double OutOfModelBias { get; init; } = 3;

    /// <summary>Nats of fit taken off per word with a diacritic neither language uses. Default 4.</summary>
    public double ForeignDiacriticPenalty { get; init; } = 4;

    /// <summary>Seed of the random short excerpts used for calibration. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The most evidence one capitalised word inside a sentence (a likely name) may give (nats; see <see cref="Detection.LanguageModelCalibration.WordClip"/>). Default
    /// null: the value among 4, 6, 8, 12, 16, 24 and none that makes the fewest errors on the held-out lines, their
    /// 2–5-word excerpts, the Vietnamese without diacritics and the English with Vietnamese names put in.
    /// </summary>
    public double? WordClip { get; init; }

    /// <summary>A note of the corpora, stored in the model.</summary>
    public string Name { get; init; } = "";

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Order, 1, nameof(Order));
        if (WordClip is { } clip && !(clip > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(WordClip), clip, "Must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(Order, 7, nameof(Order));
        ArgumentOutOfRangeException.ThrowIfLessThan(NgramBits, 10, nameof(NgramBits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NgramBits, 24, nameof(NgramBits));
        ArgumentOutOfRangeException.ThrowIfLessThan(WordBits, 10, nameof(WordBits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WordBits, 24, nameof(WordBits));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Smoothing, 0, nameof(Smoothing));
        ArgumentOutOfRangeException.ThrowIfLessThan(HeldOutEvery, 2, nameof(HeldOutEvery));
        if (!(CapitalWeight is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CapitalWeight), CapitalWeight, "Must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OutOfModelScale, 0, nameof(OutOfModelScale));
        ArgumentOutOfRangeException.ThrowIfNegative(ForeignDiacriticPenalty, nameof(ForeignDiacriticPenalty));
        ArgumentOutOfRangeException.ThrowIfNegative(EnglishUnseenWeight, nameof(EnglishUnseenWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(VietnameseUnseenWeight, nameof(VietnameseUnseenWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(EnglishDiacriticPenalty, nameof(EnglishDiacriticPenalty));
        ArgumentNullException.ThrowIfNull(Name, nameof(Name));
    }
}
