namespace Aligner.Alignment;

/// <summary>
/// Options of the dynamic-programming aligner. The bead probabilities are prior probabilities of each bead
/// shape; they need not sum to one (only their ratios matter).
/// </summary>
/// <remarks>Immutable; validated by <see cref="Validate"/> when an aligner is built.</remarks>
public sealed record AlignmentOptions
{
    /// <summary>The defaults.</summary>
    public static AlignmentOptions Default { get; } = new();

    /// <summary>Prior probability of a 1-1 bead. Default 0.85.</summary>
    public double OneToOne { get; init; } = 0.85;

    /// <summary>Prior probability of a sentence without partner, on either side. Default 0.05.</summary>
    public double Unmatched { get; init; } = 0.05;

    /// <summary>Prior probability of a 2-1 or 1-2 bead. Default 0.04.</summary>
    public double OneToTwo { get; init; } = 0.04;

    /// <summary>Prior probability of a 2-2 bead. Default 0.005.</summary>
    public double TwoToTwo { get; init; } = 0.005;

    /// <summary>
    /// Probability that a sentence inside a run of one-sided text (navigation, bylines, related-news lists) has no
    /// partner. The aligner moves between "parallel" and "one-sided" regions; inside the latter, unmatched sentences
    /// are cheap. Default 0.7.
    /// </summary>
    public double UnmatchedInOneSidedRun { get; init; } = 0.7;

    /// <summary>Probability of moving between a parallel region and a one-sided run, at any point. Default 0.01.</summary>
    public double RegionChange { get; init; } = 0.01;

    /// <summary>
    /// Half-width, in sentences, of the first search band around the diagonal. The band doubles around the best
    /// path found whenever that path touches its edge, so this only sets the first guess. Default 40.
    /// </summary>
    public int InitialBand { get; init; } = 40;

    /// <summary>
    /// Split a sentence paired with two sentences of the other side when it is really two sentences glued without
    /// punctuation (a headline run into its paragraph) and each half, cut before a capitalised word, pairs better with
    /// one of them than the whole did. Default true.
    /// </summary>
    public bool SplitGluedSentences { get; init; } = true;

    /// <summary>
    /// Self-training (as hunalign's realign): when the first pass finds at least this many confident 1-1 pairs, a
    /// lexicon learned from them is added to the pipeline's and the documents are aligned again. 0 turns it off.
    /// Default 0 (off; CHANGELOG.md says what it did on the dev sets).
    /// </summary>
    public int SelfTrainingMinimumPairs { get; init; }

    /// <summary>
    /// Comparable text: when the translation search pairs fewer than this share of the sentences that may pair (not
    /// furniture, not in the other language), the two documents tell one event in their own words rather than
    /// translate each other, and they are aligned again with the scorer for comparable text
    /// (<see cref="Scoring.PairScorer.ForComparableText"/>): a pair is made wherever its probability of being the same
    /// statement wins, in document order, and each pair's score is that probability. 0 turns it off. Default 0.5.
    /// </summary>
    public double ComparableShare { get; init; } = 0.5;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        Probability(OneToOne, nameof(OneToOne));
        Probability(Unmatched, nameof(Unmatched));
        Probability(OneToTwo, nameof(OneToTwo));
        Probability(TwoToTwo, nameof(TwoToTwo));
        Probability(UnmatchedInOneSidedRun, nameof(UnmatchedInOneSidedRun));
        Probability(RegionChange, nameof(RegionChange));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBand, 2, nameof(InitialBand));
        if (!(ComparableShare >= 0 && ComparableShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ComparableShare), ComparableShare, "A share must be in [0, 1].");
        }
    }

    private static void Probability(double value, string name)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "A bead probability must be in (0, 1].");
        }
    }
}
