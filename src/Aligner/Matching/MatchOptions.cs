using Aligner.Alignment;

namespace Aligner.Matching;

/// <summary>Options of <see cref="PassageMatcher"/>.</summary>
public sealed record MatchOptions
{
    /// <summary>The default options.</summary>
    public static MatchOptions Default { get; } = new();

    /// <summary>
    /// Candidates looked at for each Vietnamese sentence: the English sentences that share the most (rare) words,
    /// numbers and names with it. Default 10.
    /// </summary>
    public int CandidatesPerSentence { get; init; } = 10;

    /// <summary>
    /// Least score (log-likelihood ratio) of a candidate pair that makes two files worth aligning. Default 1.
    /// </summary>
    public double MinimumSeedScore { get; init; } = 1;

    /// <summary>
    /// Least total score (sum of the log-likelihood ratios of its pairs) of a passage that is reported. A single
    /// caption or headline is reported when its pair alone reaches it. Default 5 (a lone pair at p ≥ 0.993).
    /// </summary>
    public double MinimumPassageScore { get; init; } = 5;

    /// <summary>Least probability of the first and last pair of a passage (weaker ends are cut). Default 0.5.</summary>
    public double MinimumEndProbability { get; init; } = 0.5;

    /// <summary>Unmatched sentences a passage may hold between two of its pairs, on either side. Default 2.</summary>
    public int MaximumGap { get; init; } = 2;

    /// <summary>
    /// Give each sentence at most one partner in all the files, the strongest, rather than one in each other file.
    /// Default false: the same statement retold in two English reports translates the Vietnamese one in both.
    /// </summary>
    public bool SinglePartner { get; init; }

    /// <summary>
    /// Priors of the sentence aligner that runs inside each pair of files. The default expects more one-sided text
    /// than a single-document alignment does. Only the bead priors and <see cref="AlignmentOptions.InitialBand"/> are read:
    /// the pipeline's own steps (<see cref="AlignmentOptions.SplitGluedSentences"/>, <see cref="AlignmentOptions.SelfTrainingMinimumPairs"/>,
    /// <see cref="AlignmentOptions.ComparableShare"/>) do not run inside a match, and <see cref="Validate"/> refuses them changed.
    /// </summary>
    public AlignmentOptions Alignment { get; init; } = AlignmentOptions.Default with { RegionChange = 0.05 };

    /// <summary>Files prepared and pairs of files aligned at once. Default: the number of processors.</summary>
    public int MaximumParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(CandidatesPerSentence, 1, nameof(CandidatesPerSentence));
        ArgumentOutOfRangeException.ThrowIfNegative(MaximumGap, nameof(MaximumGap));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumParallelism, 1, nameof(MaximumParallelism));
        if (!double.IsFinite(MinimumSeedScore) || !double.IsFinite(MinimumPassageScore))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumPassageScore), "Scores must be finite.");
        }

        if (MinimumEndProbability is < 0 or > 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumEndProbability), MinimumEndProbability, "A probability is between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(Alignment);
        Alignment.Validate();
        var defaults = AlignmentOptions.Default;
        if (Alignment.SplitGluedSentences != defaults.SplitGluedSentences || Alignment.SelfTrainingMinimumPairs != defaults.SelfTrainingMinimumPairs || Alignment.ComparableShare != defaults.ComparableShare)
        {
            throw new ArgumentException("MatchOptions.Alignment: only the bead priors and the band are used by the matcher; SplitGluedSentences, SelfTrainingMinimumPairs and ComparableShare must keep their defaults.", nameof(Alignment));
        }
    }
}
