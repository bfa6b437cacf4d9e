using System.Text;
using Aligner.Cli;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

/// <summary>The input contract the text commands share: files or standard input, and one-line errors that name the file.</summary>
[TestFixture]
public sealed class TextCommandInputTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [TestCase("normalize")]
    [TestCase("restore")]
    [TestCase("detect")]
    public void EmptyStandardInput_WritesNothing(string command)
    {
        var run = CliRun.WithInput([], command);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().BeEmpty();
    }

    [TestCase("normalize")]
    [TestCase("restore")]
    [TestCase("detect")]
    public void EmptyFile_WritesNothing(string command)
    {
        var path = temp.Write("empty.txt", "");

        var run = CliRun.Of(command, path);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().BeEmpty();
    }

    [TestCase("normalize")]
    [TestCase("restore")]
    [TestCase("detect")]
    public void MissingFileAfterAGoodOne_ExitsOneWithOneLineNamingIt(string command)
    {
        var good = temp.Write("good.txt", "The weather is lovely today.\n");
        var missing = temp.File("missing.txt");

        var run = CliRun.Of(command, good, missing);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(missing);
        run.Error.Should().NotContain("   at ");
        run.StandardOutput.Should().BeEmpty();
    }

    // normalize reads undecodable bytes as a legacy encoding (NormalizeCommandTests), so it is not here.
    [TestCase("restore")]
    [TestCase("detect")]
    public void InvalidUtf8_ExitsOneWithOneLineNamingTheFile(string command)
    {
        var path = temp.Write("bad.txt", [0x54, 0xFF, 0xFE, 0x0A]);

        var run = CliRun.Of(command, path);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(path);
        run.StandardOutput.Should().BeEmpty();
    }

    [TestCase("restore")]
    [TestCase("detect")]
    public void InvalidUtf8OnStandardInput_ExitsOneWithOneLine(string command)
    {
        var run = CliRun.WithInput([0x54, 0xFF, 0xFE, 0x0A], command);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle();
        run.StandardOutput.Should().BeEmpty();
    }

    [TestCase("normalize", "Tô\u00A0Lâm", "Tô Lâm")]
    [TestCase("restore", "Tong Bi thu", "Tổng Bí thư")]
    [TestCase("detect", "Đọc thêm", "\"language\":\"vi\",\"diacritics\":true")]
    public void OutputOption_WritesTheFile(string command, string input, string expected)
    {
        var path = temp.Write("in.txt", input);
        var output = temp.File("out.txt");

        var run = CliRun.Of(command, path, "-o", output);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().BeEmpty();
        File.ReadAllText(output, Encoding.UTF8).Should().Contain(expected);
    }
}
