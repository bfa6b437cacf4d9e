using Aligner.Normalization;

namespace Aligner.Scoring;

/// <summary>
/// Extracts the lexicon-free features of a sentence: its length; its numbers (digit groups, so that
/// <c>1,000.5</c> and <c>1.000,5</c> agree, and English month names count as their month number, so that
/// <c>September 21</c> and <c>21/9</c> agree); punctuation that translations keep; and its names and acronyms
/// folded to lower-case ASCII (<c>Nguyễn Quốc Dũng</c> and <c>Nguyen Quoc Dung</c> agree).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class FeatureExtractor
{
    private const uint NumberSeed = 2166136261u;
    private const uint NameSeed = 2166136261u ^ 0x9E3779B9u;
    private const uint MarkSeed = 2166136261u ^ 0x85EBCA6Bu;
    private const int MaxKey = 64;

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    /// <summary>Extracts the features of <paramref name="sentence"/>.</summary>
    /// <param name="sentence">The sentence text (normalised view).</param>
    public static SentenceFeatures Extract(ReadOnlySpan<char> sentence)
    {
        var numbers = new List<int>();
        var marks = new List<int>();
        var groupKeys = new List<int>();
        var groupEnds = new List<int>();
        Span<char> folded = stackalloc char[MaxKey];
        Span<char> previous = stackalloc char[MaxKey];
        Span<char> pair = stackalloc char[2 * MaxKey];
        Span<char> monthDigits = stackalloc char[2];
        var previousLength = -1; // folded length of the previous word when it was a name right before this word
        var wordIndex = 0;
        var length = 0;
        var quotes = 0;
        var lastEnd = -1;
        var i = 0;
        while (i < sentence.Length)
        {
            var c = sentence[i];
            if (char.IsDigit(c))
            {
                var start = i;
                while (i < sentence.Length && char.IsDigit(sentence[i]))
                {
                    i++;
                }

                length += i - start;
                var digits = sentence[start..i].TrimStart('0');
                numbers.Add(Hash(digits.IsEmpty ? "0" : digits, NumberSeed));
                CloseGroup(groupKeys, groupEnds, ref previousLength);
                wordIndex++;
                lastEnd = i;
                continue;
            }

            if (!char.IsLetter(c))
            {
                if (!CharClasses.IsSpace(c))
                {
                    length++;
                    CountMark(c, marks, ref quotes);
                    if (c is not '-' and not '.')
                    {
                        CloseGroup(groupKeys, groupEnds, ref previousLength);
                    }
                }

                i++;
                continue;
            }

            var wordStart = i;
            while (i < sentence.Length && (char.IsLetter(sentence[i]) || IsMark(sentence[i])))
            {
                i++;
            }

            length += i - wordStart;
            var word = sentence[wordStart..i];
            var isFirst = wordIndex == 0;
            wordIndex++;
            var adjacent = lastEnd >= 0 && wordStart - lastEnd == 1 && sentence[lastEnd] is ' ' or '-';
            lastEnd = i;

            var foldedLength = FoldLower(word, folded);
            var key = folded[..foldedLength];
            var month = MonthNumber(key, word);
            if (month > 0 && !isFirst)
            {
                month.TryFormat(monthDigits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
                numbers.Add(Hash(monthDigits[..written], NumberSeed));
                CloseGroup(groupKeys, groupEnds, ref previousLength);
                continue;
            }

            var capitalised = char.IsUpper(word[0]);
            var acronym = word.Length >= 2 && IsAllUpper(word);
            var isName = word.Length >= 2 && (acronym || (capitalised && (!isFirst || NextWordIsCapitalised(sentence, i))));
            if (!isName || (previousLength >= 0 && !adjacent))
            {
                CloseGroup(groupKeys, groupEnds, ref previousLength);
            }

            if (!isName)
            {
                continue;
            }

            groupKeys.Add(Hash(key, NameSeed));
            AddAlias(NameAliases.Entity(key) ?? NameAliases.PhraseEntity(key, sentence[i..]), groupKeys);
            if (previousLength >= 0)
            {
                previous[..previousLength].CopyTo(pair);
                key.CopyTo(pair[previousLength..]);
                groupKeys.Add(Hash(pair[..(previousLength + foldedLength)], NameSeed));
                AddAlias(NameAliases.Entity(pair[..(previousLength + foldedLength)]), groupKeys);
            }

            key.CopyTo(previous);
            previousLength = foldedLength;
        }

        CloseGroup(groupKeys, groupEnds, ref previousLength);
        for (var q = 0; q < (quotes + 1) / 2; q++)
        {
            marks.Add(Hash("\"", MarkSeed));
        }

        numbers.Sort();
        marks.Sort();
        int[] nameKeys = [.. groupKeys];
        Array.Sort(nameKeys);
        return new SentenceFeatures(length, [.. numbers], [.. marks], nameKeys, [.. groupKeys], [.. groupEnds]);
    }

    // A name that translates (UN ↔ LHQ) also carries its entity's key, so that the two forms match.
    private static void AddAlias(string? entityKey, List<int> groupKeys)
    {
        if (entityKey is not null)
        {
            groupKeys.Add(Hash(entityKey, NameSeed));
        }
    }

    private static void CloseGroup(List<int> groupKeys, List<int> groupEnds, ref int previousLength)
    {
        var start = groupEnds.Count == 0 ? 0 : groupEnds[^1];
        if (groupKeys.Count > start)
        {
            groupEnds.Add(groupKeys.Count);
        }

        previousLength = -1;
    }

    private static void CountMark(char c, List<int> marks, ref int quotes)
    {
        switch (c)
        {
            case '"' or '“' or '”' or '«' or '»':
                quotes++;
                break;
            case '?' or '!' or ':' or '(' or '%':
                Span<char> one = [c];
                marks.Add(Hash(one, MarkSeed));
                break;
        }
    }

    private static bool NextWordIsCapitalised(ReadOnlySpan<char> sentence, int from)
    {
        var k = from;
        while (k < sentence.Length && sentence[k] == ' ')
        {
            k++;
        }

        return k > from && k < sentence.Length && char.IsUpper(sentence[k]);
    }

    private static int MonthNumber(ReadOnlySpan<char> folded, ReadOnlySpan<char> original)
    {
        if (folded.Length < 3 || !char.IsUpper(original[0]))
        {
            return 0;
        }

        for (var m = 0; m < Months.Length; m++)
        {
            if (folded.SequenceEqual(Months[m]))
            {
                return m + 1;
            }
        }

        return 0;
    }

    private static bool IsMark(char c) => c is >= '\u0300' and <= '\u036F';

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    // Folds to lower-case ASCII where possible, truncating very long words (they are keys, not text).
    private static int FoldLower(ReadOnlySpan<char> word, Span<char> output)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (n == output.Length)
            {
                break;
            }

            var f = VietnameseFolding.Fold(c);
            if (f == '\0')
            {
                continue;
            }

            output[n++] = char.ToLowerInvariant(f);
        }

        return n;
    }

    // FNV-1a: a stable, allocation-free key for a short span.
    private static int Hash(ReadOnlySpan<char> text, uint seed)
    {
        var h = seed;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        return unchecked((int)h);
    }
}
