namespace Aligner.Scoring;

/// <summary>Counts the anchors two spans share.</summary>
internal static class AnchorMatching
{
    /// <summary>Numbers found on both sides (multiset intersection).</summary>
    public static int SharedNumbers(SentenceFeatures english, SentenceFeatures vietnamese) =>
        KeySets.CountCommon(english.Numbers, vietnamese.Numbers);

    /// <summary>
    /// Names of each side found on the other, where a pair of adjacent capitalised words may match one word
    /// written together ("Việt Nam" ⇒ "Vietnam"): that match finds two names on one side and one on the other.
    /// </summary>
    public static (int English, int Vietnamese) SharedNames(SentenceFeatures english, SentenceFeatures vietnamese)
    {
        var direct = KeySets.CountCommon(english.Names, vietnamese.Names);
        var joinedVi = KeySets.CountCommon(english.Names, vietnamese.JoinedNames);
        var joinedEn = KeySets.CountCommon(english.JoinedNames, vietnamese.Names);
        return (Math.Min(english.Names.Length, direct + joinedVi + (2 * joinedEn)),
                Math.Min(vietnamese.Names.Length, direct + (2 * joinedVi) + joinedEn));
    }
}
