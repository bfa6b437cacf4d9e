using Aligner.Segmentation;
using Aligner.Tests.Support;
using Aligner.Text;
using FluentAssertions;

namespace Aligner.Tests.Segmentation;

[TestFixture]
public sealed class ParagraphSplitterTests
{
    [TestCase("Title\n\n  Body text. \n", new[] { "Title", "Body text." })] // the documented example
    [TestCase("a\r\nb\r\n", new[] { "a", "b" })] // CRLF line ends
    [TestCase("a\rb", new[] { "a", "b" })] // a lone CR ends a line too
    [TestCase("a\n\r\nb", new[] { "a", "b" })] // LF then CRLF: one blank line between
    [TestCase("\n\nx\n\n", new[] { "x" })] // blank lines around a paragraph
    [TestCase("\u00A0x y\u00A0\t", new[] { "x y" })] // no-break spaces and tabs are trimmed, inner spaces kept
    [TestCase("a\n\u200B \n b", new[] { "a", "b" })] // a line of invisible characters is blank
    [TestCase("one line without end", new[] { "one line without end" })] // no newline at all
    [TestCase("", new string[0])] // empty text
    [TestCase(" \n\t\r\n ", new string[0])] // only whitespace
    public void Split_Text_ReturnsTrimmedNonBlankLines(string text, string[] expected)
    {
        ParagraphSplitter.Split(text).Select(r => r.Substring(text)).Should().Equal(expected);
    }

    [Test]
    public void Split_DocumentedExample_ReturnsDocumentedRanges()
    {
        ParagraphSplitter.Split("Title\n\n  Body text. \n").Should().Equal(new TextRange(0, 5), new TextRange(9, 19));
    }

    [Test]
    public void Split_Seed_OneParagraphPerNonBlankLine()
    {
        var text = Seeds.Read(Seeds.EnglishReport);
        var lines = text.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList();

        ParagraphSplitter.Split(text).Select(r => r.Substring(text)).Should().Equal(lines);
    }

    [Test]
    public void Split_RandomStrings_RangesOrderedTrimmedAndWithoutNewlines()
    {
        var random = new Random(42);
        for (var round = 0; round < 3000; round++)
        {
            var text = RandomText.Next(random, 40);
            var paragraphs = ParagraphSplitter.Split(text);

            var previousEnd = 0;
            foreach (var p in paragraphs)
            {
                p.Start.Should().BeGreaterThanOrEqualTo(previousEnd, text);
                p.End.Should().BeGreaterThan(p.Start, text).And.BeLessThanOrEqualTo(text.Length, text);
                var slice = p.Substring(text);
                slice.Should().NotContainAny(["\n", "\r"], text);
                Blank.IsBlank(slice[0]).Should().BeFalse(text);
                Blank.IsBlank(slice[^1]).Should().BeFalse(text);
                previousEnd = p.End;
            }

            // Nothing but blanks and line ends is left out.
            var covered = new bool[text.Length];
            foreach (var p in paragraphs)
            {
                Array.Fill(covered, true, p.Start, p.Length);
            }

            for (var k = 0; k < text.Length; k++)
            {
                if (!covered[k])
                {
                    Blank.IsBlank(text[k]).Should().BeTrue($"character {k} of {text} is in no paragraph");
                }
            }
        }
    }
}
