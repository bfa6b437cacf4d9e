using System.Text.Json;
using System.Text;
using Aligner.Cli;
using Aligner.Input;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class AlignCommandTests : IDisposable
{
    private static readonly string[] Kinds = ["1-1", "1-0", "0-1", "2-1", "1-2", "2-2"];

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Align_Seeds_WritesJsonLinesWithContractFields()
    {
        var en = Seeds.PathOf(Seeds.EnglishReport);
        var vi = Seeds.PathOf(Seeds.VietnameseReport);

        var run = CliRun.Of("align", en, vi);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.Error.Should().BeEmpty();
        run.StandardOutput.Should().EndWith("\n");
        var beads = CheckJsonLines(run.StandardOutput, en, vi);
        beads.Should().Contain(b => b.Type == "1-1");
        beads.Should().Contain(b => b.Type == "1-0");
        beads.Should().Contain(b => b.Type == "0-1");
    }

    [Test]
    public void Align_Seeds_VietnameseIsWrittenUnescaped()
    {
        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport));

        run.StandardOutput.Should().Contain("88 tỷ USD, tăng 22%");
    }

    [Test]
    public void Align_OutputOption_WritesTheSameLinesToTheFile()
    {
        var en = Seeds.PathOf(Seeds.EnglishReport);
        var vi = Seeds.PathOf(Seeds.VietnameseReport);
        var path = temp.File("pairs.jsonl");

        var toFile = CliRun.Of("align", en, vi, "--output", path);
        var toStdout = CliRun.Of("align", en, vi);

        toFile.ExitCode.Should().Be(CliApp.Success, toFile.Error);
        toFile.StandardOutput.Should().BeEmpty();
        File.ReadAllText(path).Should().Be(toStdout.StandardOutput);
    }

    [Test]
    public void Align_MissingFile_ExitsOneWithOneLineNamingTheFile()
    {
        var missing = temp.File("missing.txt");

        var run = CliRun.Of("align", missing, Seeds.PathOf(Seeds.VietnameseReport));

        ExpectOneLineError(run, missing, "no such file");
    }

    [Test]
    public void Align_MissingVietnameseFile_NamesThatFile()
    {
        var missing = temp.File("vi-missing.txt");

        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), missing);

        ExpectOneLineError(run, missing, "no such file");
    }

    [Test]
    public void Align_Directory_ExitsOneWithOneLine()
    {
        var run = CliRun.Of("align", temp.Path, Seeds.PathOf(Seeds.VietnameseReport));

        ExpectOneLineError(run, temp.Path, "directory");
    }

    [Test]
    public void Align_BinaryFile_ExitsOneWithOneLine()
    {
        var binary = temp.Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), binary);

        ExpectOneLineError(run, binary, "binary");
    }

    [Test]
    public void Align_InvalidUtf8_ExitsOneWithOneLineNamingTheByte()
    {
        var latin1 = temp.Write("latin1.txt", [.. Encoding.ASCII.GetBytes("Ha Noi "), 0xE9, 0x74, 0xE9]);

        var run = CliRun.Of("align", latin1, Seeds.PathOf(Seeds.VietnameseReport));

        ExpectOneLineError(run, latin1, "byte 7");
    }

    [Test]
    public void Align_BothFilesEmpty_ExitsZeroWithEmptyOutput()
    {
        var empty = temp.Write("empty.txt", []);

        var run = CliRun.Of("align", empty, empty);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.ErrorLines.Should().ContainSingle().Which.Should().Be("align: 0 English and 0 Vietnamese sentences, 0 pairs, 0 unaligned", "an empty result is never silent");
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void Align_EmptyEnglishFile_EveryVietnameseSentenceIsZeroToOne()
    {
        var empty = temp.Write("empty.txt", [0xEF, 0xBB, 0xBF]); // a byte order mark and nothing else
        var vi = Seeds.PathOf(Seeds.VietnameseReport);

        var run = CliRun.Of("align", empty, vi);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        var beads = CheckJsonLines(run.StandardOutput, empty, vi);
        beads.Should().NotBeEmpty().And.OnlyContain(b => b.Type == "0-1");
    }

    [Test]
    public void Align_EmptyVietnameseFile_EveryEnglishSentenceIsOneToZero()
    {
        var en = Seeds.PathOf(Seeds.EnglishReport);
        var empty = temp.Write("empty.txt", "\n \n");

        var run = CliRun.Of("align", en, empty);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        var beads = CheckJsonLines(run.StandardOutput, en, empty);
        beads.Should().NotBeEmpty().And.OnlyContain(b => b.Type == "1-0");
    }

    [TestCase("word ")] // one 5 MB sentence without any terminator
    [TestCase("The delegation arrived in New York on September 21. ")] // one 5 MB line of about 100,000 short sentences
    [TestCase("x")] // one 5 MB word
    public void Align_OneFiveMegabyteLine_FinishesWithoutCrash(string unit)
    {
        const int size = 5 * 1024 * 1024;
        var builder = new StringBuilder(size + unit.Length);
        while (builder.Length < size)
        {
            builder.Append(unit);
        }

        var big = temp.Write("big.txt", builder.ToString(0, size));
        var output = temp.File("out.jsonl");

        var run = CliRun.Of("align", big, Seeds.PathOf(Seeds.VietnameseReport), "-o", output);

        run.ExitCode.Should().BeOneOf(CliApp.Success, CliApp.BadInput);
        if (run.ExitCode == CliApp.Success)
        {
            run.ErrorLines.Where(line => !line.StartsWith("align: ", StringComparison.Ordinal)).Should().BeEmpty("at most the summary of a result without pairs");
            File.ReadLines(output).Should().NotBeEmpty();
        }
        else
        {
            run.ErrorLines.Should().ContainSingle();
        }
    }

    [Test]
    public void Align_OutputInMissingDirectory_ExitsOneWithOneLine()
    {
        var path = Path.Combine(temp.Path, "no", "such", "dir", "out.jsonl");

        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport), "--output", path);

        ExpectOneLineError(run, path, "cannot write");
    }

    [Test]
    public void Align_OutputIsADirectory_ExitsOneWithOneLine()
    {
        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport), "-o", temp.Path);

        ExpectOneLineError(run, temp.Path, "cannot write");
    }

    [TestCase("--bogus")] // an unknown long option
    [TestCase("-z")] // an unknown short option
    public void Align_UnknownOption_ExitsNonZeroNamingIt(string option)
    {
        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport), option);

        run.ExitCode.Should().NotBe(CliApp.Success);
        run.Error.Should().Contain(option);
        run.StandardOutput.Should().BeEmpty();
    }

    [TestCase("align")] // both files missing
    [TestCase("align", "only-one.txt")] // the Vietnamese file missing
    [TestCase("align", "a.txt", "b.txt", "c.txt")] // one file too many
    [TestCase("align", "a.txt", "b.txt", "--format", "docx")] // a format that does not exist
    [TestCase("no-such-command")] // an unknown command
    public void Run_BadUsage_ExitsNonZeroWithoutResults(params string[] args)
    {
        var run = CliRun.Of(args);

        run.ExitCode.Should().NotBe(CliApp.Success);
        run.Error.Should().NotBeEmpty();
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void Align_Verbose_ShowsTheStackTrace()
    {
        var missing = temp.File("missing.txt");

        var run = CliRun.Of("align", missing, Seeds.PathOf(Seeds.VietnameseReport), "--verbose");

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines[0].Should().Contain(missing);
        run.Error.Should().Contain(nameof(InvalidDataException)).And.Contain("   at ");
    }

    [Test]
    public void Align_Help_ExitsZeroAndDescribesTheCommand()
    {
        var run = CliRun.Of("align", "--help");

        run.ExitCode.Should().Be(CliApp.Success);
        run.Output.Should().Contain("ENGLISH_FILE").And.Contain("VIETNAMESE_FILE").And.Contain("--output");
    }

    private static void ExpectOneLineError(CliRun run, string path, string what)
    {
        run.ExitCode.Should().Be(CliApp.BadInput, run.Error);
        run.ErrorLines.Should().ContainSingle("one line on standard error, got: {0}", run.Error)
            .Which.Should().Contain(path).And.Contain(what);
        run.Error.Should().NotContain("   at ", "no stack trace without --verbose");
        run.StandardOutput.Should().BeEmpty();
    }

    /// <summary>
    /// Parses JSON Lines output and checks the contract: known bead types, scores in [0, 1], sides null or
    /// {file, start, end, text} with text equal to the slice of the file, and sides in document order.
    /// </summary>
    internal static List<(string Type, double Score, Side? English, Side? Vietnamese)> CheckJsonLines(string output, string englishPath, string vietnamesePath)
    {
        var englishText = SourceText.Load(englishPath).Text;
        var vietnameseText = SourceText.Load(vietnamesePath).Text;
        var result = new List<(string, double, Side?, Side?)>();
        var englishEnd = 0;
        var vietnameseEnd = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            root.ValueKind.Should().Be(JsonValueKind.Object);
            root.EnumerateObject().Select(p => p.Name).Should().Equal("type", "score", "en", "vi");
            var type = root.GetProperty("type").GetString()!;
            type.Should().BeOneOf(Kinds);
            var score = root.GetProperty("score").GetDouble();
            score.Should().BeInRange(0, 1);
            var en = ReadSide(root.GetProperty("en"), englishPath, englishText, ref englishEnd);
            var vi = ReadSide(root.GetProperty("vi"), vietnamesePath, vietnameseText, ref vietnameseEnd);
            (en is null).Should().Be(type[0] == '0', line);
            (vi is null).Should().Be(type[2] == '0', line);
            result.Add((type, score, en, vi));
        }

        return result;
    }

    private static Side? ReadSide(JsonElement element, string path, string text, ref int previousEnd)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        element.EnumerateObject().Select(p => p.Name).Should().Equal("file", "start", "end", "text");
        var side = new Side(
            element.GetProperty("file").GetString()!,
            element.GetProperty("start").GetInt32(),
            element.GetProperty("end").GetInt32(),
            element.GetProperty("text").GetString()!);
        side.File.Should().Be(path);
        side.Start.Should().BeGreaterThanOrEqualTo(previousEnd, "beads are in document order");
        side.End.Should().BeGreaterThan(side.Start).And.BeLessThanOrEqualTo(text.Length);
        side.Text.Should().Be(text[side.Start..side.End]);
        previousEnd = side.End;
        return side;
    }

    internal sealed record Side(string File, int Start, int End, string Text);
}
