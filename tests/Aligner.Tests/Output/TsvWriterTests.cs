using Aligner.Alignment;
using Aligner.Output;
using FluentAssertions;

namespace Aligner.Tests.Output;

[TestFixture]
public sealed class TsvWriterTests
{
    [TestCase("plain", "plain")] // nothing to escape
    [TestCase("a\tb", "a\\tb")] // a tab
    [TestCase("line\nbreak", "line\\nbreak")] // a line feed
    [TestCase("dos\r\nline", "dos\\r\\nline")] // a carriage return and a line feed
    [TestCase("C:\\path\\t", "C:\\\\path\\\\t")] // backslashes, one before a t
    [TestCase("", "")] // empty
    public void Escape_Examples_RoundTrip(string text, string escaped)
    {
        TsvWriter.Escape(text).Should().Be(escaped);
        TsvWriter.Unescape(escaped).Should().Be(text);
    }

    [Test]
    public void Write_Alignment_HeaderThenOneLinePerPairWithThreeFields()
    {
        var alignment = WriterFixture.Sample;

        var lines = Write(alignment).Split('\n');

        lines[0].Should().Be(TsvWriter.Header);
        lines[^1].Should().BeEmpty("the output ends with a newline");
        var pairs = alignment.Beads.Count(WriterFixture.IsPair);
        lines[1..^1].Should().HaveCount(pairs);
        lines[1..^1].Should().OnlyContain(l => l.Split('\t').Length == 3);
        lines.Should().NotContain(l => l.Contains("RELATED NEWS", StringComparison.Ordinal), "unpaired sentences are left out");
        lines[1].Split('\t')[1].Should().Be("LHQ đã họp ngày 21/9.");
        double.Parse(lines[1].Split('\t')[2], System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(0, 1);
    }

    [Test]
    public void Write_TextWithTabsNewlinesAndBackslashes_FieldsUnescapeToTheOriginal()
    {
        var alignment = WriterFixture.Align("He said \"go\\now\".\tThen left.\r\nA second line.", "Ông nói \"đi\\ngay\".\tRồi đi.\r\nDòng thứ hai.");

        var lines = Write(alignment).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var english2 = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split('\t');
            fields.Should().HaveCount(3, line);
            line.Should().NotContain("\r");
            english2.Add(TsvWriter.Unescape(fields[0]));
        }

        var expected = alignment.Beads
            .Where(WriterFixture.IsPair)
            .Select(b => alignment.EnglishRange(b)!.Value.Substring(alignment.English.Text));
        english2.Should().Equal(expected);
        string.Join("|", english2).Should().Contain("\"go\\now\"");
    }

    [Test]
    public void Write_EmptyAlignment_OnlyTheHeader()
    {
        Write(WriterFixture.Empty).Should().Be(TsvWriter.Header + "\n");
    }

    private static string Write(DocumentAlignment alignment) => WriterFixture.Text(TsvWriter.Write, alignment);
}
