using Aligner.Scoring;

namespace Aligner.Matching;

/// <summary>
/// An inverted index over the English sentences of many files, by lexicon entry, number and name: finds, for a
/// Vietnamese sentence, the English sentences that share the most rare evidence with it, without comparing it with
/// every English sentence.
/// </summary>
/// <remarks>
/// A key's weight is its inverse document frequency over the English sentences; keys found in more than one
/// sentence in fifty (function words and their translations) are not looked up, which keeps a query's cost
/// independent of the collection's size. Thread-safe once built.
/// </remarks>
internal sealed class CandidateIndex
{
    private const long LexicalKey = 0;
    private const long NumberKey = 1L << 32;
    private const long NameKey = 2L << 32;

    private readonly Dictionary<long, int[]> postings;
    private readonly long[][] keysOf;
    private readonly int maximumPostings;
    private readonly int count;

    /// <summary>Builds the index.</summary>
    /// <param name="english">The English sentences, numbered by their position in this list; null ones are left out.</param>
    public CandidateIndex(IReadOnlyList<SentenceFeatures?> english)
    {
        count = english.Count;
        maximumPostings = Math.Max(64, count / 50);
        var lists = new Dictionary<long, List<int>>();
        var keys = new HashSet<long>();
        keysOf = new long[english.Count][];
        for (var s = 0; s < english.Count; s++)
        {
            if (english[s] is not { } features)
            {
                keysOf[s] = [];
                continue;
            }

            keys.Clear();
            foreach (var unit in features.Lexical.Units)
            {
                keys.Add(LexicalKey | (uint)unit);
            }

            AddKeys(keys, features);
            keysOf[s] = [.. keys.Order()];
            foreach (var key in keys)
            {
                if (!lists.TryGetValue(key, out var list))
                {
                    lists[key] = list = [];
                }

                list.Add(s);
            }
        }

        postings = lists.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>
    /// The English sentences that share the most weighted keys with <paramref name="vietnamese"/>, best first, with
    /// the weight they share (see <see cref="Support"/>).
    /// </summary>
    /// <param name="vietnamese">The Vietnamese sentence.</param>
    /// <param name="limit">At most this many candidates.</param>
    /// <param name="scratch">A buffer of the index's size, all zero; left all zero.</param>
    public List<(int English, double Support)> Candidates(SentenceFeatures vietnamese, int limit, float[] scratch)
    {
        var touched = new List<int>();
        foreach (var key in QueryKeys(vietnamese))
        {
            if (!postings.TryGetValue(key, out var list) || list.Length > maximumPostings)
            {
                continue;
            }

            var weight = Weight(list);
            foreach (var s in list)
            {
                if (scratch[s] == 0)
                {
                    touched.Add(s);
                }

                scratch[s] += weight;
            }
        }

        // Keep the best few with a bounded heap (smallest weight on top).
        var best = new PriorityQueue<(int, double), float>(limit + 1);
        foreach (var s in touched)
        {
            best.Enqueue((s, scratch[s]), scratch[s]);
            if (best.Count > limit)
            {
                best.Dequeue();
            }

            scratch[s] = 0;
        }

        var result = new List<(int, double)>(best.Count);
        while (best.Count > 0)
        {
            result.Add(best.Dequeue());
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// The weight of the rare keys that English sentences <paramref name="englishFirst"/> to
    /// <paramref name="englishFirst"/> + <paramref name="englishCount"/> − 1 (one side of a bead) share with
    /// <paramref name="vietnamese"/>, each sentence counted on its own: evidence of a translation that function
    /// words cannot give.
    /// </summary>
    public double Support(int englishFirst, int englishCount, SentenceFeatures vietnamese)
    {
        var support = 0.0;
        var keys = QueryKeys(vietnamese);
        foreach (var key in keys)
        {
            if (!postings.TryGetValue(key, out var list) || list.Length > maximumPostings)
            {
                continue;
            }

            for (var english = englishFirst; english < englishFirst + englishCount; english++)
            {
                if (Array.BinarySearch(keysOf[english], key) >= 0)
                {
                    support += Weight(list);
                }
            }
        }

        return support;
    }

    private float Weight(int[] list) => (float)Math.Log((double)count / list.Length);

    // The keys an English translation of the sentence would hold: its words' translations, numbers and names.
    private static HashSet<long> QueryKeys(SentenceFeatures vietnamese)
    {
        var keys = new HashSet<long>();
        foreach (var e in vietnamese.Lexical.Expanded)
        {
            keys.Add(LexicalKey | (uint)(e >> LexicalFeatures.PositionBits));
        }

        AddKeys(keys, vietnamese);
        return keys;
    }

    private static void AddKeys(HashSet<long> keys, SentenceFeatures features)
    {
        foreach (var number in features.Numbers)
        {
            keys.Add(NumberKey | (uint)number);
        }

        foreach (var name in features.NameKeys)
        {
            keys.Add(NameKey | (uint)name);
        }
    }
}
