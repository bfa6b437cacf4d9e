using Aligner.Cli;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class HelpTests
{
    private static readonly string[] Commands =
        ["align", "match", "detect", "normalize", "restore", "train-detector", "train-lexicon", "train-restorer", "train-scorer"];

    [Test]
    public void Help_Root_ListsEveryCommand()
    {
        var run = CliRun.Of("--help");

        run.ExitCode.Should().Be(CliApp.Success);
        run.Output.Should().ContainAll(Commands);
    }

    [TestCaseSource(nameof(Commands))]
    public void Help_EveryCommand_HasAnExampleRunningTheTool(string command)
    {
        var run = CliRun.Of(command, "--help");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.Output.Should().Contain("Example").And.Contain("aligner " + command);
    }
}
