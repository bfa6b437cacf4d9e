using System.Text.Json;
using Aligner.Cli;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class DetectCommandTests : IDisposable
{
    private const string Page = "Thu tuong Chinh phu Pham Minh Chinh tiep Tong Thu ky Lien Hop Quoc\n"
        + "Prime Minister Pham Minh Chinh received the UN Secretary-General in Hanoi\n\n"
        + "Tổng Bí thư, Chủ tịch nước đến New York dự tuần lễ cấp cao\n";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Detect_FileByLine_OneObjectPerNonBlankLine()
    {
        var path = temp.Write("page.txt", Page);

        var run = CliRun.Of("detect", path, "--unit", "line");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        var objects = run.ResultLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        objects.Select(o => o.GetProperty("language").GetString()).Should().Equal("vi", "en", "vi");
        objects.Select(o => o.GetProperty("diacritics").GetBoolean()).Should().Equal(false, false, true);
        objects.Should().AllSatisfy(o => o.GetProperty("file").GetString().Should().Be(path));
        foreach (var o in objects)
        {
            var start = o.GetProperty("start").GetInt32();
            var end = o.GetProperty("end").GetInt32();
            Page[start..end].Should().NotContain("\n");
            o.GetProperty("confidence").GetDouble().Should().BeInRange(0.5, 1);
        }

        objects[0].GetProperty("start").GetInt32().Should().Be(0);
        objects[1].GetProperty("start").GetInt32().Should().Be(Page.IndexOf("Prime", StringComparison.Ordinal));
    }

    [Test]
    public void Detect_FileByParagraph_MixedBlockHasParts()
    {
        var path = temp.Write("page.txt", Page);

        var run = CliRun.Of("detect", path);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ResultLines.Should().HaveCount(2);
        var first = JsonDocument.Parse(run.ResultLines[0]).RootElement;
        first.GetProperty("mixed").GetBoolean().Should().BeTrue();
        first.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("language").GetString()).Should().Equal("vi", "en");
        var second = JsonDocument.Parse(run.ResultLines[1]).RootElement;
        second.GetProperty("language").GetString().Should().Be("vi");
        second.TryGetProperty("mixed", out _).Should().BeFalse();
    }

    [Test]
    public void Detect_StandardInput_NamedDash()
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("\uFEFFThe weather is lovely today.\n\nHom nay troi dep qua.\n"));
        using var output = new MemoryStream();
        using var error = new StringWriter();

        var exit = CliApp.Run(["detect", "--unit", "line"], TextWriter.Null, error, output, input);

        exit.Should().Be(CliApp.Success, error.ToString());
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith("{\"file\":\"-\",\"start\":0,\"end\":28,\"language\":\"en\",\"diacritics\":false,\"confidence\":");
        lines[1].Should().Contain("\"language\":\"vi\",\"diacritics\":false");
    }

    [Test]
    public void Detect_TwoFiles_InOrder()
    {
        var en = temp.Write("en.txt", "The weather is lovely today.\n");
        var vi = temp.Write("vi.txt", "Hôm nay trời đẹp quá.\n");

        var run = CliRun.Of("detect", en, vi);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ResultLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()).Should().Equal(en, vi);
    }

    [Test]
    public void Detect_BadUnit_ExitsOne()
    {
        var path = temp.Write("a.txt", "text\n");

        var run = CliRun.Of("detect", path, "--unit", "sentence");

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.StandardOutput.Should().BeEmpty();
    }
}
