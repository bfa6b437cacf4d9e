namespace Aligner.Detection;

/// <summary>How <see cref="LanguageDetector"/> looks for mixed paragraphs.</summary>
/// <remarks>Immutable; validated when a detector is created.</remarks>
public sealed record LanguageDetectorOptions
{
    /// <summary>The defaults below.</summary>
    public static LanguageDetectorOptions Default { get; } = new();

    /// <summary>
    /// Whether <see cref="LanguageDetector.DetectParagraphs"/> and <see cref="LanguageDetector.DetectLines"/> look for parts in
    /// another language inside each unit (line by line, then sentence by sentence). Default <c>true</c>.
    /// </summary>
    public bool FindMixedParts { get; init; } = true;

    /// <summary>A sentence counts towards a mixed span only with at least this many words. Default 3.</summary>
    public int MinimumPartWords { get; init; } = 3;

    /// <summary>A sentence counts towards a mixed span only with at least this confidence. Default 0.9.</summary>
    public double MinimumPartConfidence { get; init; } = 0.9;

    /// <summary>A span is labelled with a language only when that language's probability is at least this; otherwise unknown. Default 0.5.</summary>
    public double MinimumConfidence { get; init; } = 0.5;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumPartWords, 1, nameof(MinimumPartWords));
        if (!(MinimumPartConfidence is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumPartConfidence), MinimumPartConfidence, "Must be in [0, 1].");
        }

        if (!(MinimumConfidence is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumConfidence), MinimumConfidence, "Must be in [0, 1].");
        }
    }
}
