using System.Text.Json;
using System.Text;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Output;
using FluentAssertions;

namespace Aligner.Tests.Output;

[TestFixture]
public sealed class JsonLinesWriterTests
{
    [Test]
    public void Write_Alignment_OneLinePerBeadWithNullForMissingSide()
    {
        var alignment = Bitext.Align("The UN met on 21/9. It agreed on 88 items.\nRELATED NEWS", "LHQ đã họp ngày 21/9. LHQ đã đồng ý 88 mục.");
        using var stream = new MemoryStream();

        JsonLinesWriter.Write(alignment, stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
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
        var english = new SourceText("He said \"go\\now\".\tThen left.\r\nA second line.", "e\"n.txt");
        var vietnamese = new SourceText("Ông nói \"đi\".", "vi.txt");
        var alignment = AlignmentPipeline.Default.Align(english, vietnamese);
        using var stream = new MemoryStream();

        JsonLinesWriter.Write(alignment, stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
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
                en.GetProperty("text").GetString().Should().Be(english.Text[start..end]);
                texts.Add(en.GetProperty("text").GetString()!);
            }
        }

        string.Join("|", texts).Should().Contain("\"go\\now\"");
    }
}
