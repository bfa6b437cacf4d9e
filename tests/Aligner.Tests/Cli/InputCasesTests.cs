using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Aligner.Cli;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

/// <summary>The inputs people have (HTML pages, UTF-16 and legacy files, swapped files) and what the tool says about them.</summary>
[TestFixture]
public sealed class InputCasesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Align_HtmlPages_OffsetsPointIntoTheSourceAndTextIsExtracted()
    {
        var en = Pages.PathOf(Pages.English);
        var vi = Pages.PathOf(Pages.Vietnamese);

        var run = CliRun.Of("align", en, vi);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ResultLines.Should().HaveCount(8);
        foreach (var line in run.ResultLines)
        {
            using var json = JsonDocument.Parse(line);
            foreach (var (side, path) in new[] { ("en", en), ("vi", vi) })
            {
                var s = json.RootElement.GetProperty(side);
                var source = File.ReadAllText(path);
                var slice = source[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()];
                var text = s.GetProperty("text").GetString()!;
                text.Should().NotContain("<").And.NotContain("&amp;");
                System.Net.WebUtility.HtmlDecode(slice).Should().Be(text, "the range covers the sentence in the page's source");
            }
        }
    }

    [TestCase("tsv")]
    [TestCase("tmx")]
    [TestCase("html")]
    public void Align_HtmlPagesInEachFormat_CarryTheExtractedText(string format)
    {
        var run = CliRun.Of("align", Pages.PathOf(Pages.English), Pages.PathOf(Pages.Vietnamese), "--format", format);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Contain("Tickets cost between 8,000 and 15,000 dong").And.Contain("Giá vé từ 8.000 đến 15.000 đồng")
            .And.NotContain("<p>Tickets").And.NotContain("Related news").And.NotContain("&amp;ldquo;");
    }

    [Test]
    public void Match_FolderOfHtmlPages_FindsTheArticle()
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "pages")).FullName;
        File.Copy(Pages.PathOf(Pages.English), Path.Combine(folder, "en.html"));
        File.Copy(Pages.PathOf(Pages.Vietnamese), Path.Combine(folder, "vi.htm"));

        var run = CliRun.Of("match", folder, "--verbose");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ResultLines.Should().HaveCountGreaterThanOrEqualTo(6);
        run.StandardOutput.Should().Contain("\"text\":\"The city plans to open ten more lines by 2035.\"");
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("match: 1 passages").And.Contain("in 2 files (2 HTML pages)");
    }

    [Test]
    public void Detect_HtmlPage_LabelsTheParagraphsOfItsMainText()
    {
        var run = CliRun.Of("detect", Pages.PathOf(Pages.Vietnamese));

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ResultLines.Should().HaveCount(8).And.OnlyContain(l => l.Contains("\"language\":\"vi\"", StringComparison.Ordinal));
    }

    [Test]
    public void Restore_HtmlPage_RestoresTheMainTextInPlace()
    {
        var page = temp.Write("bare.html", "<html><body><nav><a href=\"/\">Trang chu</a></nav><p class=\"x\">Thu tuong Chinh phu da phat bieu tai hoi nghi.</p></body></html>");

        var run = CliRun.Of("restore", page);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().StartWith("<html><body><nav><a href=\"/\">Trang chu</a></nav><p class=\"x\">Thủ tướng Chính phủ")
            .And.EndWith("</p></body></html>");
    }

    [Test]
    public void Align_Utf16NotepadFile_IsRead()
    {
        var vi = temp.Write("vi.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Seeds.Read(Seeds.VietnameseReport))]);

        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), vi, "--format", "tsv", "--verbose");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ResultLines.Should().HaveCountGreaterThan(10);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("utf-16le");
    }

    [Test]
    public void Align_LatinOneFile_OneLineWithAnIconvHint()
    {
        var file = temp.Write("fr.txt", Encoding.Latin1.GetBytes("Un été à Paris, déjà très chaud."));

        var run = CliRun.Of("align", file, Seeds.PathOf(Seeds.VietnameseReport));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(file).And.Contain("iconv -f");
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void Normalize_EncodingNamed_ReadsTheFileInIt()
    {
        var file = temp.Write("vni.txt", Encoding.Latin1.GetBytes("Vieät Nam\n"));

        var run = CliRun.Of("normalize", file, "--encoding", "vni");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Be("Việt Nam\n");
    }

    [Test]
    public void Align_SwappedFiles_AlignedTheRightWayRoundWithANote()
    {
        var en = Seeds.PathOf(Seeds.EnglishReport);
        var vi = Seeds.PathOf(Seeds.VietnameseReport);

        var swapped = CliRun.Of("align", vi, en);
        var right = CliRun.Of("align", en, vi);

        swapped.ExitCode.Should().Be(CliApp.Success, swapped.Error);
        swapped.ErrorLines.Should().ContainSingle().Which.Should().Contain("note").And.Contain("other way round");
        swapped.StandardOutput.Should().Be(right.StandardOutput);
    }

    [Test]
    public void Align_SwappedFilesStrict_Refused()
    {
        var run = CliRun.Of("align", Seeds.PathOf(Seeds.VietnameseReport), Seeds.PathOf(Seeds.EnglishReport), "--strict");

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("reads as Vietnamese");
        run.StandardOutput.Should().BeEmpty();
    }

    [TestCase(Seeds.EnglishReport, "English")] // align 000 000
    [TestCase(Seeds.VietnameseReport, "Vietnamese")]
    public void Align_SameLanguageOnBothSides_OneLineError(string seed, string language)
    {
        var run = CliRun.Of("align", Seeds.PathOf(seed), Seeds.PathOf(seed));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain($"both files read as {language}");
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void Align_Verbose_EndsWithTheSummaryLine()
    {
        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport), "--verbose");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ErrorLines.Should().ContainSingle().Which.Should().MatchRegex(@"^align: \d+ English and \d+ Vietnamese sentences, \d+ pairs, \d+ unaligned$");
    }

    [Test]
    public void Align_NotVerboseNotTerminal_NoSummary()
    {
        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport));

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.Error.Should().BeEmpty();
    }

    [Test]
    public void Match_NothingToPair_SaysSoEvenWhenNotVerbose()
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "one")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.txt"), "Only English here. Nothing to pair.");
        File.WriteAllText(Path.Combine(folder, "b.txt"), "Still only English. Still nothing.");

        var run = CliRun.Of("match", folder);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().BeEmpty();
        run.ErrorLines.Should().ContainSingle().Which.Should().Be("match: 0 passages (0 pairs) in 2 files");
    }

    [TestCase("detect")]
    [TestCase("restore")]
    [TestCase("normalize")]
    public void TextCommands_Verbose_EndWithASummary(string command)
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("Thu tuong phat bieu.\n"), command, "--verbose");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith(command + ": ");
    }

    [TestCase("align")] // both files missing
    [TestCase("align", "a.txt", "b.txt", "--format", "docx")] // a format that does not exist
    [TestCase("match")] // no input
    [TestCase("no-such-command")] // an unknown command
    [TestCase("align", "a.txt", "b.txt", "--encoding", "shift-jis")] // an encoding it does not read
    public void BadUsage_OneLineOnStandardErrorAndNoHelp(params string[] args)
    {
        var run = CliRun.Of(args);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("aligner: ").And.Contain("--help");
        run.Output.Should().BeEmpty("the help is not printed where results go");
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void Match_SymlinkLoopAndSelfLink_EachFileReadOnce()
    {
        var folder = CopySeedsTo("loop");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.CreateSymbolicLink(Path.Combine(folder, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(folder, "self"), ".");
        File.CreateSymbolicLink(Path.Combine(folder, "again.txt"), Path.Combine(folder, Seeds.EnglishReport));

        var looped = CliRun.Of("match", folder);
        var plain = CliRun.Of("match", Seeds.Directory);

        looped.ExitCode.Should().Be(CliApp.Success, looped.Error);
        looped.ResultLines.Should().HaveCount(plain.ResultLines.Count, "each real file is read once");
    }

    [Test]
    public void Match_FifoInTheFolder_IsSkipped()
    {
        var folder = CopySeedsTo("fifo");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(folder, "pipe.txt")))
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.Should().Be(0);
        }

        var run = CliRun.Of("match", folder);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ResultLines.Should().NotBeEmpty();
    }

    [Test]
    public void Match_UnreadableSubfolder_OneClearErrorNamingIt()
    {
        // The tests run as root, who reads any folder: the listing fails here the way it does for a user without the right.
        var folder = CopySeedsTo("locked");
        var locked = Directory.CreateDirectory(Path.Combine(folder, "private")).FullName;
        IEnumerable<FileSystemInfo> List(string path) => Path.GetFullPath(path) == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
            : new DirectoryInfo(path).EnumerateFileSystemInfos().ToList();

        var load = () => Aligner.Cli.Commands.TextInput.LoadAll([folder], null, List);

        load.Should().Throw<InvalidDataException>().Which.Message.Should().StartWith(Path.Combine(folder, "private") + ": cannot be read");
    }

    private string CopySeedsTo(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, name)).FullName;
        foreach (var seed in Seeds.All)
        {
            File.Copy(Seeds.PathOf(seed), Path.Combine(folder, seed));
        }

        return folder;
    }
}
