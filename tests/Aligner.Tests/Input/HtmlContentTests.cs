using Aligner.Alignment;
using Aligner.Input;
using Aligner.Tests.Support;
using Aligner.Text;
using FluentAssertions;

namespace Aligner.Tests.Input;

[TestFixture]
public sealed class HtmlContentTests
{
    [TestCase(Pages.English, "Hanoi opens new metro line", "Hanoi opened its second metro line on Sunday", "A train leaves Cau Giay station on Sunday morning.", "“This is a big day for Hanoi,” said Nguyen Van An")]
    [TestCase(Pages.Vietnamese, "Hà Nội khai trương tuyến metro mới", "Hà Nội đã khai trương tuyến metro thứ hai", "Một đoàn tàu rời ga Cầu Giấy sáng Chủ nhật.", "\"Đây là ngày trọng đại của Hà Nội\"")]
    public void FromHtml_NewsPage_KeepsHeadlineLeadBodyAndCaption(string page, string headline, string lead, string caption, string quote)
    {
        var source = SourceText.FromHtml(Pages.Read(page), page);

        source.Format.Should().Be(SourceFormat.Html);
        source.Content.Should().StartWith(headline).And.Contain(lead).And.Contain(caption).And.Contain(quote);
    }

    [TestCase(Pages.English, "Share", "Tweet", "Copy link", "Related news", "Traffic jams", "Business", "Home", "All rights reserved", "track(", "margin", "Example Times")]
    [TestCase(Pages.Vietnamese, "Chia sẻ", "Facebook", "Tin liên quan", "Trang chủ", "Kinh tế", "Bản quyền", "not text", "Báo Ví Dụ")]
    public void FromHtml_NewsPage_LeavesOutMenusShareBarsRelatedListsScriptsAndFooters(string page, params string[] furniture)
    {
        var content = SourceText.FromHtml(Pages.Read(page), page).Content;

        foreach (var text in furniture)
        {
            content.Should().NotContain(text);
        }

        content.Should().NotContain("<").And.NotContain("&amp;");
    }

    [TestCase(Pages.English)]
    [TestCase(Pages.Vietnamese)]
    public void FromHtml_EveryCharacter_MapsToTheSourceCharactersItWasReadFrom(string page)
    {
        var html = Pages.Read(page);
        var source = SourceText.FromHtml(html, page);

        var previous = 0;
        for (var i = 0; i < source.Content.Length; i++)
        {
            var range = source.ToSource(new TextRange(i, i + 1));
            range.Start.Should().BeGreaterThanOrEqualTo(previous, "the map grows with the content");
            previous = range.Start;
            var c = source.Content[i];
            if (c == '\n')
            {
                range.IsEmpty.Should().BeTrue("paragraph breaks are inserted");
            }
            else if (c == ' ')
            {
                char.IsWhiteSpace(html[range.Start]).Should().BeTrue("a space stands for whitespace of the source");
            }
            else if (range.Length == 1)
            {
                html[range.Start].Should().Be(c);
            }
            else
            {
                html[range.Start].Should().Be('&', "only a character reference takes several source characters for one");
                html[range.End - 1].Should().Be(';');
            }
        }
    }

    [Test]
    public void ContentOf_SourceRangeOfContent_GivesTheContentBack()
    {
        var source = SourceText.FromHtml(Pages.Read(Pages.English), "en.html");
        var start = source.Content.IndexOf("“This", StringComparison.Ordinal);
        var end = source.Content.IndexOf("two hours.", StringComparison.Ordinal) + "two hours.".Length;

        var range = source.ToSource(new TextRange(start, end));

        range.Substring(source.Text).Should().StartWith("&ldquo;This").And.EndWith("&amp; waited two hours.");
        source.ContentOf(range).Should().Be(source.Content[start..end]);
    }

    [TestCase("<p>Tom &amp; Jerry</p>", "Tom & Jerry")] // a named reference
    [TestCase("<p>Vi&#7879;t Nam &#x110;&agrave; N&#7861;ng</p>", "Việt Nam Đà Nẵng")] // numeric references, decimal and hexadecimal
    [TestCase("<p>a &amp b &copy c</p>", "a & b © c")] // legacy references without a semicolon
    [TestCase("<p>one\r\n  two\tthree</p>", "one two three")] // whitespace runs become one space
    [TestCase("<p>The <b>Prime</b> <a href=\"/x?a=1&b=2\" title=\"a > b\">Minister</a> spoke.</p>", "The Prime Minister spoke.")] // inline elements, '>' in an attribute
    [TestCase("<p>first<br>second</p>", "first\n\nsecond")] // a line break starts a paragraph
    [TestCase("<p>a<!-- <p>hidden</p> -->b</p>", "ab")] // a comment
    [TestCase("<p>x</p><script>if (a<b) { document.write('<p>y</p>'); }</script><p>z</p>", "x\n\nz")] // script text is not read, its '<' is not markup
    [TestCase("<div hidden>h</div><p style=\"display: none\">n</p><p aria-hidden=\"true\">a</p><p>shown</p>", "shown")] // hidden elements
    [TestCase("<html><head><title>Only a title</title></head><body><p>Body.</p></body></html>", "Only a title\n\nBody.")] // no h1: the title is the headline
    [TestCase("<html><head><title>Site | Headline</title></head><body><h1>Headline</h1></body></html>", "Headline")] // an h1: the title is left out
    [TestCase("<ul><li><a href=\"/1\">Link one</a></li><li><a href=\"/2\">Link two</a></li></ul><ul><li>A point of the story.</li></ul>", "A point of the story.")] // a list of links is related news
    [TestCase("<p>unclosed <b>bold <i>both</p><p>next", "unclosed bold both\n\nnext")] // malformed markup, repaired by the parser
    [TestCase("", "")] // nothing
    public void FromHtml_Snippet_ReadsTheText(string html, string expected)
    {
        var source = SourceText.FromHtml(html);

        source.Content.Should().Be(expected);
        for (var i = 0; i < source.Content.Length; i++)
        {
            var range = source.ToSource(new TextRange(i, i + 1));
            range.End.Should().BeLessThanOrEqualTo(html.Length);
        }
    }

    [TestCase("<!DOCTYPE html><html><body>x</body></html>", true)] // a doctype
    [TestCase("  \n<html lang=\"vi\">", true)] // an html tag after spaces
    [TestCase("<div class=\"a\"><p>text</p></div>", true)] // a fragment with page tags
    [TestCase("The <b> tag is bold.", false)] // text that mentions a tag
    [TestCase("<3 you", false)] // starts with '<' but holds no page tags
    [TestCase("", false)] // nothing
    public void LooksLikeHtml_DecidesByContent(string text, bool expected)
    {
        HtmlContent.LooksLikeHtml(text).Should().Be(expected);
    }

    [Test]
    public void Load_HtmlContentInATxtFile_IsReadAsAPage()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("saved.txt", "<!doctype html><html><body><nav><a href=\"/\">Home</a></nav><p>Body text.</p></body></html>");

        var source = SourceText.Load(path);

        source.Format.Should().Be(SourceFormat.Html);
        source.Content.Should().Be("Body text.");
    }

    [Test]
    public void Load_PlainTextStartingWithAngleBracket_StaysText()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("notes.txt", "<b> means bold.\nThat is all.");

        var source = SourceText.Load(path);

        source.Format.Should().Be(SourceFormat.PlainText);
        source.Content.Should().BeSameAs(source.Text);
    }

    [Test]
    public void Align_HtmlPages_PairsTheArticleWithOffsetsIntoTheSource()
    {
        var en = SourceText.FromHtml(Pages.Read(Pages.English), Pages.English);
        var vi = SourceText.FromHtml(Pages.Read(Pages.Vietnamese), Pages.Vietnamese);

        var alignment = AlignmentPipeline.Default.Align(en, vi);

        alignment.Beads.Should().HaveCount(8).And.OnlyContain(b => b.EnglishCount == 1 && b.VietnameseCount == 1);
        var first = alignment.EnglishRange(alignment.Beads[0])!.Value;
        first.Substring(en.Text).Should().Be("Hanoi opens new metro line");
        var caption = alignment.VietnameseRange(alignment.Beads[4])!.Value;
        caption.Substring(vi.Text).Should().Be("Một đoàn tàu rời ga Cầu Giấy sáng Chủ nhật.");
    }
}
