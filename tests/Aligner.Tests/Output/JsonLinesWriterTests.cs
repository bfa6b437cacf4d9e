using System.Text.Json;
using Aligner.Alignment;
using Aligner.Output;
using FluentAssertions;

namespace Aligner.Tests.Output;

[TestFixture]
public sealed class JsonLinesWriterTests
{
    [Test]
    public void Write_Alignment_OneLinePerBeadWithNullForMissingSide()
    {
        var alignment = WriterFixture.Sample;

        var lines = Write(alignment).Split('\n');
        lines[^1].Should().BeEmpty("the output ends with a newline");
        lines[..^1].Should().HaveCount(alignment.Beads.Count);
        for (var k = 0; k < alignment.Beads.Count; k++)
        {
            using var json = JsonDocument.Parse(lines[k]);
            var bead = alignment.Beads[k];
            json.RootElement.GetProperty("type").GetString().Should().Be(bead.Kind.Label());
            json.RootElement.GetProperty("score").GetDouble().Should().BeApproximately(bead.Score, 0.00005);
            (json.RootElement.GetProperty("en").ValueKind == JsonValueKind.Null).Should().Be(bead.EnglishCount == 0);
            (json.RootElement.GetProperty("vi").ValueKind == JsonValueKind.Null).Should().Be(bead.VietnameseCount == 0);
        }

        lines.Should().Contain(l => l.Contains("\"vi\":null", StringComparison.Ordinal) && l.Contains("RELATED NEWS", StringComparison.Ordinal));
        lines[0].Should().Contain("\"file\":\"en\"").And.Contain("LHQ đã họp ngày 21/9.", "Vietnamese is written as is");
    }

    [Test]
    public void Write_TextWithQuotesNewlinesAndControls_StaysOneValidLinePerBead()
    {
        // A 2-1 bead may span a line break; quotes, tabs and backslashes must be escaped.
        var alignment = WriterFixture.Align("He said \"go\\now\".\tThen left.\r\nA second line.", "Ông nói \"đi\".", englishName: "e\"n.txt");

        var lines = Write(alignment).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(alignment.Beads.Count);
        var texts = new List<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.GetProperty("en") is { ValueKind: JsonValueKind.Object } en)
            {
                en.GetProperty("file").GetString().Should().Be("e\"n.txt");
                var start = en.GetProperty("start").GetInt32();
                var end = en.GetProperty("end").GetInt32();
                en.GetProperty("text").GetString().Should().Be(alignment.English.Text[start..end]);
                texts.Add(en.GetProperty("text").GetString()!);
            }
        }

        string.Join("|", texts).Should().Contain("\"go\\now\"");
    }

    private static string Write(DocumentAlignment alignment) => WriterFixture.Text(JsonLinesWriter.Write, alignment);
}
