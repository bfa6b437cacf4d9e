using System.Buffers;
using System.Collections.Frozen;
using Aligner.Normalization;
using Aligner.Text;

namespace Aligner.Segmentation;

/// <summary>
/// Rule-based sentence splitter for English and Vietnamese news text.
/// </summary>
/// <remarks>
/// A sentence ends at <c>. ! ? …</c> (with any closing quotes and brackets after it) when whitespace and then
/// a sentence opening follow: an upper-case letter, a digit, or an opening quote or bracket. A full stop does not
/// end a sentence after a known abbreviation (<c>Mr.</c>, <c>U.S.</c>, <c>TP.</c>, <c>ThS.</c>) or an initial
/// (<c>J.F. Kennedy</c>), and never inside a number (<c>22.10.2022</c>, <c>1.5</c>). Paragraph ends are sentence
/// ends, so headlines and captions without final punctuation stand alone. Stateless and thread-safe.
/// </remarks>
internal static class SentenceSplitter
{
    private static readonly SearchValues<char> Terminators = SearchValues.Create(".!?…");

    private static readonly SearchValues<char> Closers = SearchValues.Create("\"'”’»)]}");

    private static readonly SearchValues<char> Openers = SearchValues.Create("\"'“‘«([{");

    // Words that, written with a full stop, almost never end a sentence (compared case-sensitively, without the dot).
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        // English titles and common abbreviations
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "No", "Nos", "Vol", "Gen", "Lt", "Col", "Sgt", "Capt",
        "Cpt", "Maj", "Adm", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Messrs", "Mme", "Mlle",
        "Inc", "Corp", "Ltd", "Co", "Bros", "vs", "v", "e.g", "i.e", "cf", "al", "approx", "est", "dept", "Dept", "Univ",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Fig", "fig", "pp", "p",
        "Ave", "Blvd", "Rd", "ft", "oz", "lb", "lbs", "sq", "Ph.D", "a.m", "p.m", "U.S", "U.K", "U.N", "E.U",
        // Vietnamese administrative and academic abbreviations
        "TP", "Tp", "TS", "PGS", "GS", "ThS", "Th.S", "BS", "KS", "CN", "NXB", "Q", "P", "TX", "TT", "H", "X", "Th",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Abbreviations that often stand last in a sentence ("Apple Inc.", "Martin Luther King Jr."): like "U.S.", they end
    // one when a typical sentence opening follows.
    private static readonly FrozenSet<string> FinalAbbreviations = new[]
    {
        "Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr",
    }.ToFrozenSet(StringComparer.Ordinal);

    // After "U.S." and similar, these words show that a new sentence has begun.
    private static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "In", "On", "At", "But", "And",
        "A", "An", "As", "If", "When", "While", "However", "Meanwhile", "There", "His", "Her", "Their", "Its", "Our",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Splits every paragraph of <paramref name="text"/> into sentences.</summary>
    /// <param name="text">The text (its normalised view, usually).</param>
    /// <returns>Sentence ranges in document order, each inside one paragraph.</returns>
    public static IReadOnlyList<Sentence> Split(ReadOnlySpan<char> text)
    {
        var sentences = new List<Sentence>();
        var paragraphs = ParagraphSplitter.Split(text);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            SplitParagraph(text, paragraphs[p], p, sentences);
        }

        return sentences;
    }

    /// <summary>The sentences of each paragraph, as index ranges [First, End) into <paramref name="sentences"/>, in order.</summary>
    public static List<(int First, int End)> ParagraphExtents(IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var extents = new List<(int First, int End)>();
        for (var first = 0; first < sentences.Count;)
        {
            var end = first + 1;
            while (end < sentences.Count && sentences[end].Paragraph == sentences[first].Paragraph)
            {
                end++;
            }

            extents.Add((first, end));
            first = end;
        }

        return extents;
    }

    /// <summary>Splits one paragraph, appending its sentences to <paramref name="output"/>.</summary>
    public static void SplitParagraph(ReadOnlySpan<char> text, TextRange paragraph, int paragraphIndex, List<Sentence> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = paragraph.Start;
        var i = paragraph.Start;
        while (i < paragraph.End)
        {
            var found = text[i..paragraph.End].IndexOfAny(Terminators);
            if (found < 0)
            {
                break;
            }

            var t = i + found;
            var end = t;
            while (end < paragraph.End && Terminators.Contains(text[end]))
            {
                end++;
            }

            while (end < paragraph.End && Closers.Contains(text[end]))
            {
                end++;
            }

            i = end;
            if (end < paragraph.End && end == t + 1 && IsGluedStop(text, start, t, paragraph.End))
            {
                // "spouse.The welcome…": a page that lost the space after a full stop.
                AddSplitAtUnmarkedStarts(text, new TextRange(start, end), paragraphIndex, output);
                start = end;
                continue;
            }

            if (end >= paragraph.End || !CharClasses.IsSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < paragraph.End && CharClasses.IsSpace(text[next]))
            {
                next++;
            }

            if (next >= paragraph.End || !IsOpening(text, next, paragraph.End))
            {
                continue;
            }

            // A single full stop may belong to an abbreviation or an initial.
            if (text[t] == '.' && end - t == 1 + CountClosers(text, t + 1, end) && !IsSentenceEndAfterDot(text, start, t, next, paragraph.End))
            {
                continue;
            }

            AddSplitAtUnmarkedStarts(text, new TextRange(start, TrimEnd(text, start, end)), paragraphIndex, output);
            start = next;
        }

        var last = TrimEnd(text, start, paragraph.End);
        if (last > start)
        {
            AddSplitAtUnmarkedStarts(text, new TextRange(start, last), paragraphIndex, output);
        }
    }

    // Headlines, captions and subtitles often lose their final stop ("... sách điện tử Tôi không khuyến khích").
    // A capitalised function word right after a lower-case word, itself followed by a lower-case word, starts a
    // sentence: mid-sentence capitals are names, and names are not function words.
    private static void AddSplitAtUnmarkedStarts(ReadOnlySpan<char> text, TextRange range, int paragraphIndex, List<Sentence> output)
    {
        var start = range.Start;
        for (var i = range.Start + 1; i < range.End - 1; i++)
        {
            if (text[i] != ' ' || !char.IsLower(text[i - 1]) || !char.IsUpper(text[i + 1]))
            {
                continue;
            }

            var wordEnd = i + 1;
            while (wordEnd < range.End && (char.IsLetter(text[wordEnd]) || char.GetUnicodeCategory(text[wordEnd]) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                wordEnd++;
            }

            if (wordEnd + 1 >= range.End || text[wordEnd] != ' ' || !char.IsLower(text[wordEnd + 1]) || !StartsWithLowerWord(text, i))
            {
                continue;
            }

            if (!OpenerLookup.Contains(text[(i + 1)..wordEnd]))
            {
                continue;
            }

            AddBounded(text, new TextRange(start, i), paragraphIndex, output);
            start = i + 1;
        }

        AddBounded(text, new TextRange(start, range.End), paragraphIndex, output);
    }

    /// <summary>
    /// The longest sentence: a longer run of text without a sentence end (a table dumped as one line, a text without
    /// punctuation) is cut into pieces of at most this many characters, at the last space before the limit, so the
    /// cost of scoring and aligning stays proportional to the text (news sentences stay under 1,000 characters).
    /// </summary>
    public const int MaxSentenceLength = 2000;

    private static void AddBounded(ReadOnlySpan<char> text, TextRange range, int paragraphIndex, List<Sentence> output)
    {
        var start = range.Start;
        while (range.End - start > MaxSentenceLength)
        {
            var window = text.Slice(start, MaxSentenceLength);
            var cut = window[(MaxSentenceLength / 2)..].LastIndexOf(' ');
            var end = cut < 0 ? start + MaxSentenceLength : start + (MaxSentenceLength / 2) + cut;
            if (char.IsHighSurrogate(text[end - 1]) && end < range.End)
            {
                end--; // never between the halves of a surrogate pair
            }

            var next = end;
            while (next < range.End && text[next] == ' ')
            {
                next++;
            }

            output.Add(new Sentence(new TextRange(start, TrimEnd(text, start, end)), paragraphIndex));
            start = next;
        }

        if (range.End > start)
        {
            output.Add(new Sentence(new TextRange(start, range.End), paragraphIndex));
        }
    }

    // The word before position i (a space) starts with a lower-case letter: "tử Tôi", not "Ông Tôi".
    private static bool StartsWithLowerWord(ReadOnlySpan<char> text, int i)
    {
        var k = i - 1;
        while (k > 0 && char.IsLetter(text[k - 1]))
        {
            k--;
        }

        return char.IsLower(text[k]);
    }

    // Capitalised words that start sentences but are never names (English and Vietnamese).
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "He", "She", "It", "We", "They", "You", "This", "That", "These", "Those", "And", "But", "So", "Now",
        "Then", "There", "Here", "What", "When", "Why", "How", "If", "Our", "My", "His", "Her", "Their", "Its", "Some",
        "Tôi", "Chúng", "Họ", "Nó", "Bạn", "Và", "Nhưng", "Vì", "Nếu", "Khi", "Đây", "Đó", "Có", "Không", "Sau",
        "Trong", "Các", "Những", "Một", "Điều", "Rồi", "Thế", "Vậy", "Hãy", "Cũng", "Còn", "Giờ", "Bây",
    };

    // Declared after SentenceOpeners: static fields are initialised in order.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    // A full stop with no space after it ends a sentence when a lower-case word of two or more letters (not an
    // abbreviation) stands before it and a capitalised word follows: "spouse.The", "Khoi.President". Domains
    // (vietnamplus.vn), numbers (1.5), initials (J.F.) and abbreviations (Tp.HCM) stay whole.
    private static bool IsGluedStop(ReadOnlySpan<char> text, int sentenceStart, int dot, int limit)
    {
        if (text[dot] != '.' || dot + 2 >= limit || !char.IsUpper(text[dot + 1]) || !char.IsLower(text[dot + 2]))
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > sentenceStart && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length < 2 || !char.IsLower(word[^1]) || !char.IsLower(word[^2]) || (wordStart > sentenceStart && !CharClasses.IsSpace(text[wordStart - 1])))
        {
            return false;
        }

        return !Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static int CountClosers(ReadOnlySpan<char> text, int from, int to)
    {
        var n = 0;
        for (var k = from; k < to && Closers.Contains(text[k]); k++)
        {
            n++;
        }

        return n;
    }

    private static bool IsOpening(ReadOnlySpan<char> text, int index, int limit)
    {
        var c = text[index];
        if (char.IsUpper(c) || char.IsDigit(c))
        {
            return true;
        }

        if (c is '-' or '–' or '—' or '•')
        {
            return true;
        }

        if (Openers.Contains(c))
        {
            var k = index + 1;
            while (k < limit && Openers.Contains(text[k]))
            {
                k++;
            }

            return k < limit && (char.IsUpper(text[k]) || char.IsDigit(text[k]));
        }

        return false;
    }

    private static bool IsSentenceEndAfterDot(ReadOnlySpan<char> text, int sentenceStart, int dot, int next, int limit)
    {
        // The word before the dot: letters and inner dots ("U.S", "J.F", "Th.S").
        var w = dot;
        while (w > sentenceStart && (char.IsLetter(text[w - 1]) || (text[w - 1] == '.' && w - 1 > sentenceStart && char.IsLetter(text[w - 2]))))
        {
            w--;
        }

        if (w == dot)
        {
            return true; // a digit, a symbol or a closing bracket before the dot
        }

        var word = text[w..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "J. Smith", "George W. Bush"
        }

        var nextWordEnd = next;
        while (nextWordEnd < limit && char.IsLetter(text[nextWordEnd]))
        {
            nextWordEnd++;
        }

        var nextWord = text[next..nextWordEnd];
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            // "in the U.S. The talks ..." ends a sentence; "U.S. President" does not.
            var mayEnd = word.Contains('.') || FinalAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
            return mayEnd && SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(nextWord);
        }

        if (word.Contains('.'))
        {
            // Initials run together ("J.F"): a sentence ends only if a typical sentence opening follows.
            return SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(nextWord);
        }

        return true;
    }

    private static int TrimEnd(ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start && CharClasses.IsSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
