namespace Aligner.Scoring;

/// <summary>Counts the anchors two spans share.</summary>
internal static class AnchorMatching
{
    /// <summary>Numbers found on both sides (multiset intersection).</summary>
    public static int SharedNumbers(SentenceFeatures english, SentenceFeatures vietnamese) =>
        KeySets.CountCommon(english.Numbers, vietnamese.Numbers);

    /// <summary>Punctuation marks found on both sides (multiset intersection).</summary>
    public static int SharedMarks(SentenceFeatures english, SentenceFeatures vietnamese) =>
        KeySets.CountCommon(english.Marks, vietnamese.Marks);

    /// <summary>Name groups of each side that have a key among the other side's name keys.</summary>
    public static (int English, int Vietnamese) SharedNames(SentenceFeatures english, SentenceFeatures vietnamese) =>
        (FoundGroups(english, vietnamese.NameKeys, vietnamese.NameKeyMask), FoundGroups(vietnamese, english.NameKeys, english.NameKeyMask));

    private static int FoundGroups(SentenceFeatures side, int[] otherKeys, ulong otherMask)
    {
        if (otherKeys.Length == 0 || side.GroupEnds.Length == 0 || (side.NameKeyMask & otherMask) == 0)
        {
            return 0;
        }

        var found = 0;
        var start = 0;
        foreach (var end in side.GroupEnds)
        {
            for (var k = start; k < end; k++)
            {
                var key = side.GroupKeys[k];
                if ((otherMask & SentenceFeatures.NameKeyBit(key)) != 0 && Array.BinarySearch(otherKeys, key) >= 0)
                {
                    found++;
                    break;
                }
            }

            start = end;
        }

        return found;
    }
}
