namespace Aligner.Scoring;

/// <summary>
/// What the scorer knows of one sentence (or of two consecutive sentences taken together): its length and its
/// anchors, as hash keys: numbers, punctuation marks, and names grouped as they are written.
/// </summary>
/// <remarks>
/// A name group is a run of adjacent capitalised words or an acronym: <c>Đại biểu Quốc hội</c>,
/// <c>Nguyen Quoc Dung</c>, <c>UNGA</c>. Its keys are its words folded to lower-case ASCII plus each pair of adjacent
/// words written together (<c>Việt Nam</c> ⇒ <c>vietnam</c>), so that a group is found on the other side when any of
/// its keys is. Immutable once built. Keys are only comparable within one process.
/// </remarks>
internal sealed class SentenceFeatures
{
    /// <summary>Features of an empty sentence.</summary>
    public static readonly SentenceFeatures Empty = new(0, [], [], [], [], []);

    /// <summary>The lexicon's view of the sentence; <see cref="LexicalFeatures.Empty"/> until set.</summary>
    public LexicalFeatures Lexical { get; init; } = LexicalFeatures.Empty;

    /// <summary>Creates sentence features.</summary>
    /// <param name="length">Length in non-space characters of the normalised sentence.</param>
    /// <param name="numbers">Sorted keys of the numbers (digit groups, month numbers).</param>
    /// <param name="marks">Sorted keys of the punctuation marks that translations keep (quotes, ?, !, :, (, %).</param>
    /// <param name="nameKeys">Sorted keys of every name group, for lookup.</param>
    /// <param name="groupKeys">The keys of each name group, group after group.</param>
    /// <param name="groupEnds">For each group, the index in <paramref name="groupKeys"/> one past its last key.</param>
    public SentenceFeatures(int length, int[] numbers, int[] marks, int[] nameKeys, int[] groupKeys, int[] groupEnds)
    {
        Length = length;
        Numbers = numbers;
        Marks = marks;
        NameKeys = nameKeys;
        GroupKeys = groupKeys;
        GroupEnds = groupEnds;
        foreach (var key in nameKeys)
        {
            NameKeyMask |= NameKeyBit(key);
        }
    }

    /// <summary>Copies features (use with an initializer to set <see cref="Lexical"/>).</summary>
    public SentenceFeatures(SentenceFeatures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Length = other.Length;
        Numbers = other.Numbers;
        Marks = other.Marks;
        NameKeys = other.NameKeys;
        GroupKeys = other.GroupKeys;
        GroupEnds = other.GroupEnds;
        NameKeyMask = other.NameKeyMask;
        Lexical = other.Lexical;
        UniqueKeys = other.UniqueKeys;
        IsFurniture = other.IsFurniture;
        IsOtherLanguage = other.IsOtherLanguage;
    }

    /// <summary>
    /// Sorted name and number keys that occur in this sentence only of its document and in one sentence only of the
    /// document it is aligned with (<see cref="DocumentKeys.WithUniqueKeys"/>); empty until set. Two sentences sharing
    /// such a key are the only place in the two documents where that name or number is told.
    /// </summary>
    internal int[] UniqueKeys { get; init; } = [];

    /// <summary>The sentence is in the other document's language (detected confidently) and is never paired.</summary>
    public bool IsOtherLanguage { get; init; }

    /// <summary>The sentence is page furniture (navigation, buttons, related-news lists) and is never paired.</summary>
    public bool IsFurniture { get; init; }

    /// <summary>Length in non-space characters of the normalised sentence.</summary>
    public int Length { get; }

    /// <summary>Sorted keys of the sentence's numbers; a number may occur more than once.</summary>
    public int[] Numbers { get; }

    /// <summary>Sorted keys of the punctuation marks that translations tend to keep.</summary>
    public int[] Marks { get; }

    /// <summary>Sorted keys of all the sentence's name groups.</summary>
    public int[] NameKeys { get; }

    /// <summary>Keys of each name group, group after group; see <see cref="GroupEnds"/>.</summary>
    public int[] GroupKeys { get; }

    /// <summary>End (exclusive) in <see cref="GroupKeys"/> of each name group.</summary>
    public int[] GroupEnds { get; }

    /// <summary>
    /// A bit for every name key (<see cref="NameKeyBit"/>): a key whose bit is clear is not among
    /// <see cref="NameKeys"/>, which spares most binary searches when matching names.
    /// </summary>
    internal ulong NameKeyMask { get; }

    /// <summary>The bit of <paramref name="key"/> in <see cref="NameKeyMask"/>.</summary>
    internal static ulong NameKeyBit(int key) => 1UL << key;

    /// <summary>Number of name groups.</summary>
    public int NameGroups => GroupEnds.Length;

    /// <summary>The features of the one or two sentences a bead holds on one side, from <paramref name="start"/>.</summary>
    internal static SentenceFeatures Span(IReadOnlyList<SentenceFeatures> features, int start, int count) =>
        count == 1 ? features[start] : Combine(features[start], features[start + 1]);

    /// <summary>The features of two consecutive sentences taken together.</summary>
    public static SentenceFeatures Combine(SentenceFeatures first, SentenceFeatures second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var ends = new int[first.GroupEnds.Length + second.GroupEnds.Length];
        first.GroupEnds.CopyTo(ends, 0);
        for (var g = 0; g < second.GroupEnds.Length; g++)
        {
            ends[first.GroupEnds.Length + g] = second.GroupEnds[g] + first.GroupKeys.Length;
        }

        return new SentenceFeatures(
            first.Length + second.Length,
            KeySets.Merge(first.Numbers, second.Numbers),
            KeySets.Merge(first.Marks, second.Marks),
            KeySets.Merge(first.NameKeys, second.NameKeys),
            [.. first.GroupKeys, .. second.GroupKeys],
            ends)
        {
            Lexical = LexicalFeatures.Combine(first.Lexical, second.Lexical),
            UniqueKeys = KeySets.Merge(first.UniqueKeys, second.UniqueKeys),
            IsFurniture = first.IsFurniture || second.IsFurniture,
            IsOtherLanguage = first.IsOtherLanguage || second.IsOtherLanguage,
        };
    }
}
