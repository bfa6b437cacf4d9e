namespace Aligner.Alignment;

/// <summary>How many English and Vietnamese sentences a bead holds.</summary>
public enum BeadKind
{
    /// <summary>One English sentence and its Vietnamese translation.</summary>
    OneToOne,

    /// <summary>An English sentence with no Vietnamese partner.</summary>
    OneToZero,

    /// <summary>A Vietnamese sentence with no English partner.</summary>
    ZeroToOne,

    /// <summary>Two English sentences translated by one Vietnamese sentence.</summary>
    TwoToOne,

    /// <summary>One English sentence translated by two Vietnamese sentences.</summary>
    OneToTwo,

    /// <summary>Two English sentences translated by two Vietnamese sentences.</summary>
    TwoToTwo,
}

/// <summary>Helpers for <see cref="BeadKind"/> (users read them as <see cref="Bead.Label"/>, <see cref="Bead.EnglishCount"/> and <see cref="Bead.VietnameseCount"/>).</summary>
internal static class BeadKinds
{
    /// <summary>The label used in outputs: <c>"1-1"</c>, <c>"2-1"</c>, <c>"0-1"</c> and so on (English count first).</summary>
    public static string Label(this BeadKind kind) => kind switch
    {
        BeadKind.OneToOne => "1-1",
        BeadKind.OneToZero => "1-0",
        BeadKind.ZeroToOne => "0-1",
        BeadKind.TwoToOne => "2-1",
        BeadKind.OneToTwo => "1-2",
        BeadKind.TwoToTwo => "2-2",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Number of English sentences in a bead of this kind.</summary>
    public static int EnglishCount(this BeadKind kind) => kind switch
    {
        BeadKind.ZeroToOne => 0,
        BeadKind.TwoToOne or BeadKind.TwoToTwo => 2,
        _ => 1,
    };

    /// <summary>Number of Vietnamese sentences in a bead of this kind.</summary>
    public static int VietnameseCount(this BeadKind kind) => kind switch
    {
        BeadKind.OneToZero => 0,
        BeadKind.OneToTwo or BeadKind.TwoToTwo => 2,
        _ => 1,
    };
}
