using Aligner.Alignment;
using Aligner.Input;
using Aligner.Text;

namespace Aligner.Matching;

/// <summary>One aligned pair of a passage: English and Vietnamese sentences that translate each other.</summary>
/// <param name="Kind">The shape of the pair: 1-1, 2-1, 1-2 or 2-2.</param>
/// <param name="Score">Probability that the two spans are translations.</param>
/// <param name="English">The English sentences, as a range into the English file's text.</param>
/// <param name="Vietnamese">The Vietnamese sentences, as a range into the Vietnamese file's text.</param>
public readonly record struct MatchedPair(BeadKind Kind, double Score, TextRange English, TextRange Vietnamese)
{
    /// <summary>The shape as written in outputs: <c>"1-1"</c>, <c>"2-1"</c>, <c>"1-2"</c> or <c>"2-2"</c>.</summary>
    public string Label => Kind.Label();
}

/// <summary>
/// A contiguous passage of an English text and its translation in a Vietnamese text (possibly the same file, when
/// it holds both languages), as a run of aligned pairs. Unmatched sentences inside the passage are not listed.
/// </summary>
/// <param name="Id">Number of the passage in the result, from 1.</param>
/// <param name="English">The file that holds the English side.</param>
/// <param name="Vietnamese">The file that holds the Vietnamese side.</param>
/// <param name="Score">Sum of the log-likelihood ratios of the pairs: the evidence that the passage is a translation.</param>
/// <param name="Pairs">The aligned pairs, in text order on both sides.</param>
public sealed record MatchedPassage(int Id, SourceText English, SourceText Vietnamese, double Score, IReadOnlyList<MatchedPair> Pairs);

/// <summary>What <see cref="PassageMatcher"/> is doing, for progress display.</summary>
/// <param name="Stage">The stage: <c>reading</c> (files prepared), <c>searching</c> (sentences looked up), <c>aligning</c> (pairs of files aligned).</param>
/// <param name="Done">Units of the stage done.</param>
/// <param name="Total">Units of the stage in all.</param>
public readonly record struct MatchProgress(string Stage, int Done, int Total);
