namespace Aligner.Alignment;

/// <summary>
/// One step of an alignment: consecutive English sentences <c>[EnglishStart, EnglishStart + EnglishCount)</c>
/// matched with consecutive Vietnamese sentences <c>[VietnameseStart, VietnameseStart + VietnameseCount)</c>.
/// </summary>
/// <param name="Kind">The bead's shape.</param>
/// <param name="EnglishStart">Index of the first English sentence (the position, when there is none).</param>
/// <param name="VietnameseStart">Index of the first Vietnamese sentence (the position, when there is none).</param>
/// <param name="Score">Confidence in [0, 1]: that the sides are translations, or, for 1-0 and 0-1 beads, that the
/// sentence has no partner nearby.</param>
public readonly record struct Bead(BeadKind Kind, int EnglishStart, int VietnameseStart, double Score)
{
    /// <summary>Number of English sentences in the bead.</summary>
    public int EnglishCount => Kind.EnglishCount();

    /// <summary>Number of Vietnamese sentences in the bead.</summary>
    public int VietnameseCount => Kind.VietnameseCount();

    /// <summary>The shape as written in outputs: <c>"1-1"</c>, <c>"2-1"</c>, <c>"0-1"</c> and so on (English count first).</summary>
    public string Label => Kind.Label();
}
