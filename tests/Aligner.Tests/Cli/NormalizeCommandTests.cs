using System.Text;
using Aligner.Cli;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class NormalizeCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Normalize_StandardInput_WritesNormalisedText()
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("Hoa\u0300\u00A0bi\u0300nh\u200B\nTHUỶ\n"), "normalize");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Be("Hoà bình\nTHUỶ\n");
    }

    [TestCase("old", "Hòa bình, THỦY, khỏe\r\n")] // old style
    [TestCase("new", "Hoà bình, THUỶ, khoẻ\r\n")] // new style
    public void Normalize_File_PlacesToneMarks(string tone, string expected)
    {
        var path = temp.Write("in.txt", "Hoà bình, THỦY, khỏe\r\n");

        var run = CliRun.Of("normalize", path, "--tone", tone);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Be(expected);
    }

    [Test]
    public void Normalize_LegacyBytes_AreConverted()
    {
        // TCVN3 bytes as a legacy editor saves them: not UTF-8, read as Windows-1252.
        var bytes = Encoding.Latin1.GetBytes("Vi\u00D6t Nam v\u00B5 Hoa K\u00FA\n");
        var path = temp.Write("tcvn3.txt", bytes);

        var run = CliRun.Of("normalize", path);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Be("Việt Nam và Hoa Kỳ\n");
    }

    [Test]
    public void Normalize_BadTone_ExitsOne()
    {
        var run = CliRun.WithInput([], "normalize", "--tone", "middle");

        run.ExitCode.Should().Be(CliApp.BadInput);
    }
}
