using System.Text.RegularExpressions;
using Aligner.Normalization;

namespace Aligner.Segmentation;

/// <summary>
/// Finds the page furniture of a news page: breadcrumbs, share and follow buttons, advertisement labels, copyright
/// lines, tag lists and the related-news list that closes an article. Furniture is never paired: two pages of
/// the same site carry the same buttons in both languages, but they translate nothing of the article, and
/// related-news lists name different articles on each side.
/// </summary>
/// <remarks>
/// The phrases are the common labels of English and Vietnamese news sites, matched on the folded text (no
/// diacritics, lower case), as whole short paragraphs or as their first words. Thread-safe.
/// </remarks>
internal static partial class PageFurniture
{
    // A paragraph longer than this many words is article text, whatever it starts with.
    private const int MaximumWords = 12;

    // A related-news list holds a few dozen headlines and teasers; a heading with more text than this after it is
    // inside a long document (or several articles run together), and what follows it is not all a list.
    private const int MaximumRelatedListParagraphs = 100;

    /// <summary>Marks the sentences that belong to page furniture.</summary>
    /// <param name="text">The text the sentence ranges point into.</param>
    /// <param name="sentences">The sentences of the text, in order.</param>
    /// <param name="relatedLists">
    /// Mark the text after a related-news heading near the end of the page too (when aligning two versions of one
    /// article); false leaves those headlines and teasers to the scorer (when matching across files, where another
    /// file may hold their translation).
    /// </param>
    public static bool[] Classify(string text, IReadOnlyList<Sentence> sentences, bool relatedLists = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new bool[sentences.Count];
        if (sentences.Count == 0)
        {
            return result;
        }

        var paragraphs = SentenceSplitter.ParagraphExtents(sentences);
        var textEnd = sentences[^1].Range.End;
        var relatedFrom = int.MaxValue;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var (first, end) = paragraphs[p];
            var start = sentences[first].Range.Start;
            var span = text.AsSpan(start, sentences[end - 1].Range.End - start);
            var kind = Kind(span);
            if (relatedLists && kind == FurnitureKind.RelatedHeading && start >= textEnd / 2 && relatedFrom == int.MaxValue
                && paragraphs.Count - p <= MaximumRelatedListParagraphs)
            {
                relatedFrom = p; // the related-news list runs to the end of the page
            }

            if (kind != FurnitureKind.None || p >= relatedFrom)
            {
                result.AsSpan(first, end - first).Fill(true);
            }
        }

        return result;
    }

    /// <summary>Whether a paragraph on its own reads as page furniture.</summary>
    public static bool IsFurniture(ReadOnlySpan<char> paragraph) => Kind(paragraph) != FurnitureKind.None;

    private static FurnitureKind Kind(ReadOnlySpan<char> paragraph)
    {
        var trimmed = paragraph.Trim();
        if (trimmed.IsEmpty || trimmed.Length > 160)
        {
            return FurnitureKind.None;
        }

        var folded = VietnameseFolding.Fold(trimmed.ToString()).ToLowerInvariant();
        var words = CountWords(folded);
        if (words > MaximumWords)
        {
            return FurnitureKind.None;
        }

        var bare = folded.TrimEnd(BareEnd);
        if (RelatedHeadings.Contains(bare))
        {
            return FurnitureKind.RelatedHeading;
        }

        if (Labels.Contains(bare) || Breadcrumb().IsMatch(folded) || LabelStart().IsMatch(folded) || IsDateLine(folded) || Address().IsMatch(folded))
        {
            return FurnitureKind.Label;
        }

        return FurnitureKind.None;
    }

    // What a heading or label may end with ("Related news:", "Home »"); one array for every call.
    private static readonly char[] BareEnd = [':', '.', ' ', '»', '>', '|'];

    // The number of runs of non-space characters, as Words() finds them (\S+: not char.IsWhiteSpace), without the regex:
    // every sentence of a document is asked.
    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }

        return words;
    }

    // "Updated: Oct 18, 2018 14:02 GMT", "Thứ Hai, 21/9/2024 10:15 (GMT+7)", "Published 3 March 2019": a line of a
    // date and time with at most a label, as pages print under a headline.
    private static bool IsDateLine(string folded)
    {
        // Every word a number or a date word, and among the numbers a year or a time of day, not just any ("1/2/3").
        var dated = false;
        foreach (var match in Words().EnumerateMatches(folded))
        {
            var token = folded.AsSpan(match.Index, match.Length);
            var word = token.Trim(".,:;()|-–—/");
            if (word.IsEmpty)
            {
                continue;
            }

            if (word.ContainsAnyInRange('0', '9'))
            {
                dated |= YearOrTime().IsMatch(token);
            }
            else if (!DateWords.Contains(word.ToString()))
            {
                return false;
            }
        }

        return dated;
    }

    [GeneratedRegex(@"(^|\D)(19|20)\d\d(\D|$)|\d:\d\d")]
    private static partial Regex YearOrTime();

    // Words of a date line besides its numbers: labels, months, weekdays, times and time zones (folded).
    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal)
    {
        "published", "updated", "posted", "last", "modified", "on", "at", "am", "pm", "a.m", "p.m", "gmt", "utc", "et", "est", "edt", "pt", "bst", "ict",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "cap", "nhat", "dang", "luc", "ngay", "thang", "nam", "gio", "phut", "thu", "hai", "ba", "tu", "sau", "bay", "chu",
    };

    private enum FurnitureKind
    {
        None,
        Label,
        RelatedHeading,
    }

    // Headings after which a page lists other articles.
    private static readonly HashSet<string> RelatedHeadings = new(StringComparer.Ordinal)
    {
        "related news", "related articles", "related stories", "related", "read more", "read also", "see also",
        "more news", "more stories", "other news", "other stories", "more from", "latest news", "most read",
        "most popular", "most viewed", "you may also like", "recommended", "in other news",
        "tin lien quan", "bai lien quan", "doc them", "xem them", "tin khac", "cac tin khac", "tin cung chuyen muc",
        "doc nhieu", "doc nhieu nhat", "tin moi", "tin moi nhat", "tin noi bat", "co the ban quan tam", "tin tuc lien quan",
    };

    // Short labels that are furniture wherever they stand.
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "advertisement", "advertising", "sponsored", "share", "share this", "share this article", "share this story",
        "share on facebook", "share on twitter", "print", "print this article", "comments", "comment", "leave a comment",
        "subscribe", "sign up", "log in", "login", "home", "back to top", "top", "menu", "search",
        "quang cao", "chia se", "chia se bai viet", "in bai", "in bai viet", "binh luan", "gui binh luan", "dang ky",
        "dang nhap", "trang chu", "len dau trang", "tim kiem",
    };

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();

    // "Home / News / World", "Trang chủ › Tin tức › Thế giới": three or more crumbs, each with a letter (not a date).
    [GeneratedRegex(@"^[^/>»›|·\p{L}]*\p{L}[^/>»›|·]*(\s*[/>»›|·]\s*[^/>»›|·\p{L}]*\p{L}[^/>»›|·]*){2,}$")]
    private static partial Regex Breadcrumb();

    // A web address or the slug of one on a line of its own, as copied pages keep under their pictures:
    // "https://example.com/a", "www.vietnamplus.vn", "vietnam-welcomes-japan-emperor-in-first-visit-2" (four or more
    // words joined by hyphens, nothing else: "Vietnam-Japan" or "2-1" are words of a sentence).
    [GeneratedRegex(@"^(https?://\S+|www\.\S+|[a-z0-9]+(-[a-z0-9]+){3,}(\.[a-z]{2,5})?)$")]
    private static partial Regex Address();

    // Labels followed by a list or a name: "Tags: ...", "Follow us on ...", "Copyright 2024", "Từ khóa: ...".
    [GeneratedRegex(@"^(tags?\s*:|tu khoa\s*:|keywords?\s*:|follow us\b|theo doi chung toi\b|copyright\b|\(c\)|©|ban quyen\b|all rights reserved|share (this|on)\b|chia se (len|qua)\b|sign up for\b|subscribe to\b|dang ky nhan\b|english version\b|read in english\b|ban tieng viet\b|doc bang tieng viet\b)")]
    private static partial Regex LabelStart();
}
