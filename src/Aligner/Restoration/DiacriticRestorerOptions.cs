using Aligner.Normalization;

namespace Aligner.Restoration;

/// <summary>Settings of <see cref="DiacriticRestorer"/>; validated when the restorer is built.</summary>
/// <example><c>DiacriticRestorerOptions.Default with { ToneStyle = ToneMarkStyle.New }</c> writes <c>hoà</c> instead of <c>hòa</c>.</example>
public sealed record DiacriticRestorerOptions
{
    /// <summary>The defaults.</summary>
    public static DiacriticRestorerOptions Default { get; } = new();

    /// <summary>Tone placement of restored <c>oa</c>/<c>oe</c>/<c>uy</c> syllables. Default <see cref="ToneMarkStyle.Old"/>.</summary>
    public ToneMarkStyle ToneStyle { get; init; } = ToneMarkStyle.Old;

    /// <summary>Hypotheses kept per syllable by the beam search (1–256). Default 16 (chosen on NTREX-128 dev).</summary>
    public int BeamWidth { get; init; } = 16;

    /// <summary>
    /// Hypotheses scoring more than this many nats (natural-log units) below the best at the same syllable are
    /// dropped, whatever the beam width (0.5–100). Default 8: a hypothesis e^8 ≈ 3,000 times less likely than the
    /// best almost never wins later, and dropping it saves most of the work on confident text.
    /// </summary>
    public double PruneMargin { get; init; } = 8;

    /// <summary>Words on each side that decide whether a word is in Vietnamese (1–50). Default 4.</summary>
    public int Window { get; init; } = 4;

    /// <summary>
    /// A bare word is restored only when at least this share of the words in its window look Vietnamese (the rest
    /// being English or other foreign words). Default 0.6.
    /// </summary>
    public double MinVietnameseShare { get; init; } = 0.6;

    /// <summary>
    /// When at least this share of the Vietnamese syllables in a word's window already carry marks, the text is
    /// taken as typed with diacritics and bare syllables are left as written. Default 0.4.
    /// </summary>
    public double AccentedShare { get; init; } = 0.4;

    /// <summary>
    /// γ, the weight of a <see cref="DocumentCache"/>: the bonus of a form is γ·ln(k·(c(form) + α) / (c(key) + α·k))
    /// nats, counts from the accented lines of the document (0–10; 0 turns the cache off). Default 1 (chosen on NTREX-128 dev,
    /// half-accented documents: 0.6 / 0.75 / 1 / 1.25 / 1.5 → 97.66 / 97.72 / 97.76 / 97.67 / 97.61 %).
    /// </summary>
    public double CacheWeight { get; init; } = 1;

    /// <summary>α, the count added to every form of a key in a <see cref="DocumentCache"/> (0.01–100). Default 0.5 (chosen on NTREX-128 dev).</summary>
    public double CacheSmoothing { get; init; } = 0.5;

    /// <summary>
    /// When above 0, a second pass: the forms the first pass chose count into the <see cref="DocumentCache"/>, each
    /// weighing this share of an accented syllable of the document, and the sentences where a chosen form is not the
    /// one the cache now favours are decoded again (0–10; 0: one pass). Default 0.5 (chosen on NTREX-128 dev).
    /// </summary>
    public double SelfCacheWeight { get; init; } = 0.5;

    /// <summary>
    /// The second pass works on blocks of about this many words (a blank line ends a block early), so that what it
    /// learns stays local to an article (50–100,000). Default 1,000 (chosen on NTREX-128 dev).
    /// </summary>
    public int SelfCacheBlock { get; init; } = 1000;

    internal void Validate()
    {
        if (!Enum.IsDefined(ToneStyle))
        {
            throw new ArgumentOutOfRangeException(nameof(ToneStyle), ToneStyle, "Unknown tone mark style.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BeamWidth, 1, nameof(BeamWidth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BeamWidth, 256, nameof(BeamWidth));
        if (double.IsNaN(PruneMargin) || PruneMargin is < 0.5 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(PruneMargin), PruneMargin, "Must be in [0.5, 100].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 1, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Window, 50, nameof(Window));
        if (double.IsNaN(MinVietnameseShare) || MinVietnameseShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinVietnameseShare), MinVietnameseShare, "Must be in [0, 1].");
        }

        if (double.IsNaN(AccentedShare) || AccentedShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(AccentedShare), AccentedShare, "Must be in (0, 1].");
        }

        if (double.IsNaN(CacheWeight) || CacheWeight is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(CacheWeight), CacheWeight, "Must be in [0, 10].");
        }

        if (double.IsNaN(SelfCacheWeight) || SelfCacheWeight is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(SelfCacheWeight), SelfCacheWeight, "Must be in [0, 10].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(SelfCacheBlock, 50, nameof(SelfCacheBlock));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SelfCacheBlock, 100_000, nameof(SelfCacheBlock));
        if (double.IsNaN(CacheSmoothing) || CacheSmoothing is < 0.01 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(CacheSmoothing), CacheSmoothing, "Must be in [0.01, 100].");
        }
    }
}
