namespace Aligner.Training;

/// <summary>Settings of <c>DiacriticRestorer.Train</c> and <c>TrainFiles</c> (<see cref="TrainingExtensions"/>); validated when training starts.</summary>
/// <example><c>RestorerTrainerOptions.Default with { MinTrigramCount = 2 }</c> for a smaller model.</example>
public sealed record RestorerTrainerOptions
{
    /// <summary>The defaults used for the shipped model.</summary>
    public static RestorerTrainerOptions Default { get; } = new();

    /// <summary>A syllable form seen fewer times than this is unknown to the model (typos, rare names). Default 2.</summary>
    public int MinSyllableCount { get; init; } = 2;

    /// <summary>Trigrams seen fewer times than this are pruned (the model backs off to bigrams). Default 1 (all kept).</summary>
    public int MinTrigramCount { get; init; } = 1;

    /// <summary>An accented form is a restoration candidate only when seen at least this many times. Default 3.</summary>
    public int MinCandidateCount { get; init; } = 3;

    /// <summary>…and at least this share of all the forms of its unaccented key. Default 0.0001.</summary>
    public double MinCandidateShare { get; init; } = 0.0001;

    /// <summary>At most this many candidates per unaccented key, the most frequent first. Default 16.</summary>
    public int MaxCandidates { get; init; } = 16;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSyllableCount, 1, nameof(MinSyllableCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinTrigramCount, 1, nameof(MinTrigramCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinCandidateCount, 1, nameof(MinCandidateCount));
        ArgumentOutOfRangeException.ThrowIfNegative(MinCandidateShare, nameof(MinCandidateShare));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(MinCandidateShare, 1.0, nameof(MinCandidateShare));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidates, 1, nameof(MaxCandidates));
    }
}
