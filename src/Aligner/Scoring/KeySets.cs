namespace Aligner.Scoring;

/// <summary>Operations on sorted multisets of integer keys, without allocation on the hot path.</summary>
internal static class KeySets
{
    /// <summary>Size of the multiset intersection of two sorted arrays.</summary>
    public static int CountCommon(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                n++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return n;
    }

    /// <summary>Size of the multiset intersection of <c>a1 ∪ a2</c> with <paramref name="b"/> (all sorted).</summary>
    public static int CountCommon(ReadOnlySpan<int> a1, ReadOnlySpan<int> a2, ReadOnlySpan<int> b)
    {
        if (a2.IsEmpty)
        {
            return CountCommon(a1, b);
        }

        if (a1.IsEmpty)
        {
            return CountCommon(a2, b);
        }

        // Walk the two halves of the merged multiset together.
        int i = 0, k = 0, j = 0, n = 0;
        while ((i < a1.Length || k < a2.Length) && j < b.Length)
        {
            int next;
            var fromFirst = k >= a2.Length || (i < a1.Length && a1[i] <= a2[k]);
            next = fromFirst ? a1[i] : a2[k];
            if (next == b[j])
            {
                n++;
                j++;
                if (fromFirst)
                {
                    i++;
                }
                else
                {
                    k++;
                }
            }
            else if (next < b[j])
            {
                if (fromFirst)
                {
                    i++;
                }
                else
                {
                    k++;
                }
            }
            else
            {
                j++;
            }
        }

        return n;
    }

    /// <summary>Merges two sorted arrays into a new sorted array.</summary>
    public static int[] Merge(int[] a, int[] b)
    {
        if (a.Length == 0)
        {
            return b;
        }

        if (b.Length == 0)
        {
            return a;
        }

        var result = new int[a.Length + b.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length)
        {
            result[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }

        while (i < a.Length)
        {
            result[k++] = a[i++];
        }

        while (j < b.Length)
        {
            result[k++] = b[j++];
        }

        return result;
    }
}
