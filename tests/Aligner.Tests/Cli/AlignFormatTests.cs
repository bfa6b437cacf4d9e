using Aligner.Cli;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class AlignFormatTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Align_FormatJsonl_SameAsTheDefault()
    {
        var explicitFormat = Run("--format", "jsonl");
        var byDefault = Run();

        explicitFormat.ExitCode.Should().Be(CliApp.Success, explicitFormat.Error);
        explicitFormat.StandardOutput.Should().Be(byDefault.StandardOutput);
    }

    [Test]
    public void Align_FormatTsv_HeaderAndThreeFieldsPerLine()
    {
        var run = Run("--format", "tsv");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.Error.Should().BeEmpty();
        var lines = run.ResultLines;
        lines[0].Should().Be("en\tvi\tscore");
        lines.Count.Should().BeGreaterThan(5);
        lines.Should().OnlyContain(l => l.Split('\t').Length == 3);
        run.StandardOutput.Should().Contain("88 tỷ USD, tăng 22%");
    }

    [Test]
    public void Align_FormatTmx_ValidXmlWithTranslationUnits()
    {
        var path = temp.File("memory.tmx");

        var run = Run("-f", "tmx", "-o", path);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        var document = Output.TmxWriterTests.Load(File.ReadAllBytes(path));
        document.Root!.Element("body")!.Elements("tu").Should().HaveCountGreaterThan(5);
    }

    [Test]
    public void Align_FormatHtml_PageWithBothTexts()
    {
        var run = Run("--format", "html");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().StartWith("<!DOCTYPE html>").And.Contain("88 tỷ USD, tăng 22%").And.Contain("class=\"un\"");
    }

    [Test]
    public void Align_ControlCharactersEmojiAndRightToLeftText_TmxValidAndHtmlEscaped()
    {
        var en = temp.Write("en.txt", "The sign <b>said</b> مرحبا & 🎉 today.\u0001 It rose\u000B by 5% in 2024.\nPrices fell again.");
        var vi = temp.Write("vi.txt", "Biển ghi <b>chữ</b> שלום & 🎉 hôm nay.\u0001 Nó tăng\u000B 5% năm 2024.\nGiá lại giảm.");
        var tmx = temp.File("out.tmx");
        var html = temp.File("out.html");

        var tmxRun = CliRun.Of("align", en, vi, "-f", "tmx", "-o", tmx);
        var htmlRun = CliRun.Of("align", en, vi, "-f", "html", "-o", html);

        tmxRun.ExitCode.Should().Be(CliApp.Success, tmxRun.Error);
        htmlRun.ExitCode.Should().Be(CliApp.Success, htmlRun.Error);
        var segs = string.Concat(Output.TmxWriterTests.Load(File.ReadAllBytes(tmx)).Descendants("seg").Select(s => s.Value));
        segs.Should().Contain("<b>said</b> مرحبا & 🎉").And.NotContain("\u0001").And.NotContain("\u000B");
        var page = File.ReadAllText(html);
        page.Should().Contain("&lt;b&gt;chữ&lt;/b&gt; שלום &amp; 🎉").And.NotContain("<b>").And.NotContain("\u0001");
    }

    [TestCase("jsonl")]
    [TestCase("tsv")]
    [TestCase("tmx")]
    [TestCase("html")]
    public void Align_UnwritableOutput_ExitsOneWithOneLineNamingThePath(string format)
    {
        var path = Path.Combine(temp.Path, "no", "such", "dir", "out." + format);

        var run = Run("--format", format, "-o", path);

        run.ExitCode.Should().Be(CliApp.BadInput, run.Error);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(path).And.Contain("cannot write");
        run.Error.Should().NotContain("   at ");
    }

    [TestCase("docx")] // not a format
    [TestCase("TMX")] // formats are lower case
    [TestCase("")] // empty
    public void Align_UnknownFormat_ExitsNonZeroNamingTheChoices(string format)
    {
        var run = Run("--format", format);

        run.ExitCode.Should().NotBe(CliApp.Success);
        run.Error.Should().Contain("tmx");
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void Align_Help_ListsTheFormatsAndAnExample()
    {
        var run = CliRun.Of("align", "--help");

        run.Output.Should().Contain("tsv").And.Contain("tmx").And.Contain("html").And.Contain("Example");
    }

    private static CliRun Run(params string[] options) =>
        CliRun.Of([.. new[] { "align", Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport) }, .. options]);
}
