namespace Aligner.Scoring;

/// <summary>
/// What the scorer knows of one sentence: its length and its anchors (numbers and names), as sorted hash keys.
/// </summary>
/// <remarks>Immutable once built. Keys are only comparable within one process.</remarks>
public sealed class SentenceFeatures
{
    /// <summary>Features of an empty sentence.</summary>
    public static readonly SentenceFeatures Empty = new(0, [], [], []);

    /// <summary>Creates sentence features.</summary>
    /// <param name="length">Length in characters of the normalised sentence.</param>
    /// <param name="numbers">Sorted keys of the numbers (digit groups, month numbers).</param>
    /// <param name="names">Sorted keys of the folded capitalised words and acronyms.</param>
    /// <param name="joinedNames">Sorted keys of adjacent capitalised words written together ("Việt Nam" ⇒ "vietnam").</param>
    public SentenceFeatures(int length, int[] numbers, int[] names, int[] joinedNames)
    {
        Length = length;
        Numbers = numbers;
        Names = names;
        JoinedNames = joinedNames;
    }

    /// <summary>Length in characters of the normalised sentence.</summary>
    public int Length { get; }

    /// <summary>Sorted keys of the sentence's numbers; a number may occur more than once.</summary>
    public int[] Numbers { get; }

    /// <summary>Sorted keys of the sentence's names and acronyms, folded to lower-case ASCII.</summary>
    public int[] Names { get; }

    /// <summary>Sorted keys of pairs of adjacent capitalised words written as one ("Viet Nam" ⇒ "vietnam").</summary>
    public int[] JoinedNames { get; }

    /// <summary>The features of two consecutive sentences taken together.</summary>
    public static SentenceFeatures Combine(SentenceFeatures first, SentenceFeatures second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new SentenceFeatures(
            first.Length + second.Length + 1,
            KeySets.Merge(first.Numbers, second.Numbers),
            KeySets.Merge(first.Names, second.Names),
            KeySets.Merge(first.JoinedNames, second.JoinedNames));
    }
}
