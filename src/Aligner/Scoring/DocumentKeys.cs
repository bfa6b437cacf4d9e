namespace Aligner.Scoring;

/// <summary>
/// Rarity of anchors within the two documents being aligned: a name or number told in one sentence only of each
/// document marks the one place where the two tell the same detail, whatever the wording around it (two reports of a
/// visit name the leader in every sentence, but the 21-gun salute or the minister who came to the airport once).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class DocumentKeys
{
    /// <summary>
    /// The features of both documents with <see cref="SentenceFeatures.UniqueKeys"/> set: the name and number keys
    /// that occur in exactly one sentence of each document (furniture and other-language sentences do not count).
    /// </summary>
    public static (SentenceFeatures[] English, SentenceFeatures[] Vietnamese) WithUniqueKeys(
        IReadOnlyList<SentenceFeatures> english, IReadOnlyList<SentenceFeatures> vietnamese)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        var inEnglish = SentenceCounts(english);
        var inVietnamese = SentenceCounts(vietnamese);
        return (Annotate(english, inEnglish, inVietnamese), Annotate(vietnamese, inVietnamese, inEnglish));
    }

    /// <summary>
    /// How many anchors the two spans share that neither document tells anywhere else: each English name group with
    /// such a key counts once, and each such number once.
    /// </summary>
    public static int SharedUnique(SentenceFeatures english, SentenceFeatures vietnamese)
    {
        var a = english.UniqueKeys;
        var b = vietnamese.UniqueKeys;
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var count = 0;
        var start = 0;
        foreach (var end in english.GroupEnds)
        {
            for (var k = start; k < end; k++)
            {
                var key = english.GroupKeys[k];
                if (Array.BinarySearch(a, key) >= 0 && Array.BinarySearch(b, key) >= 0)
                {
                    count++;
                    break;
                }
            }

            start = end;
        }

        var numbers = english.Numbers;
        for (var k = 0; k < numbers.Length; k++)
        {
            if ((k == 0 || numbers[k] != numbers[k - 1]) && Array.BinarySearch(a, numbers[k]) >= 0 && Array.BinarySearch(b, numbers[k]) >= 0)
            {
                count++;
            }
        }

        return count;
    }

    // For every key, the number of sentences of the document that hold it.
    private static Dictionary<int, int> SentenceCounts(IReadOnlyList<SentenceFeatures> document)
    {
        var counts = new Dictionary<int, int>();
        foreach (var f in document)
        {
            if (f.IsFurniture || f.IsOtherLanguage)
            {
                continue;
            }

            foreach (var key in Distinct(f))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    private static SentenceFeatures[] Annotate(IReadOnlyList<SentenceFeatures> document, Dictionary<int, int> own, Dictionary<int, int> other)
    {
        var result = new SentenceFeatures[document.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var f = document[i];
            var unique = f.IsFurniture || f.IsOtherLanguage
                ? []
                : Distinct(f).Where(k => own.GetValueOrDefault(k) == 1 && other.GetValueOrDefault(k) == 1).ToArray();
            Array.Sort(unique);
            result[i] = new SentenceFeatures(f) { UniqueKeys = unique };
        }

        return result;
    }

    // Name keys and number keys hash with different seeds, so one set holds both.
    private static HashSet<int> Distinct(SentenceFeatures f)
    {
        var keys = new HashSet<int>(f.NameKeys);
        keys.UnionWith(f.Numbers);
        return keys;
    }
}
