using Aligner.Cli;
using Aligner.Scoring;
using Aligner.Tests.Support;
using Aligner.Tests.Training;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class TrainScorerCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void TrainScorer_LineParallelFiles_WritesLoadableModel()
    {
        var (english, vietnamese) = ScorerTrainerTests.Corpus(new Random(6), 60, 1.1);
        var en = temp.Write("dev.en", string.Join("\r\n", english) + "\r\n");
        var vi = temp.Write("dev.vi", string.Join("\n", vietnamese));

        var run = CliRun.Of("train-scorer", en, vi, "--name", "synthetic");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(run.StandardOutput));
        var model = ScorerModel.Load(stream);
        model.TrainedOn.Should().Be("synthetic (60 sentence pairs)");
        model.LengthRatio.Should().BeApproximately(1.1, 0.05);
    }

    [TestCase(new string[0], 0.115)] // the shipped model's factor
    [TestCase(new[] { "--comparable-calibration", "0.2" }, 0.2)]
    public void TrainScorer_ComparableCalibration_StoredInTheModel(string[] options, double expected)
    {
        var (english, vietnamese) = ScorerTrainerTests.Corpus(new Random(6), 30, 1.0);
        var en = temp.Write("dev.en", string.Join("\n", english));
        var vi = temp.Write("dev.vi", string.Join("\n", vietnamese));

        var run = CliRun.Of(["train-scorer", en, vi, .. options]);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Contain("\"ComparableCalibration\"");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(run.StandardOutput));
        ScorerModel.Load(stream).ComparableCalibration.Should().Be(expected);
    }

    [TestCase("0")]
    [TestCase("-0.1")]
    public void TrainScorer_ComparableCalibrationNotPositive_ExitsOneWithOneLine(string value)
    {
        var (english, vietnamese) = ScorerTrainerTests.Corpus(new Random(6), 30, 1.0);
        var en = temp.Write("dev.en", string.Join("\n", english));
        var vi = temp.Write("dev.vi", string.Join("\n", vietnamese));

        var run = CliRun.Of("train-scorer", en, vi, "--comparable-calibration", value);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("--comparable-calibration");
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void TrainScorer_OutputOption_WritesModelFile()
    {
        var (english, vietnamese) = ScorerTrainerTests.Corpus(new Random(7), 30, 1.0);
        var en = temp.Write("dev.en", string.Join("\n", english));
        var vi = temp.Write("dev.vi", string.Join("\n", vietnamese));
        var path = temp.File("scorer.json");

        var run = CliRun.Of("train-scorer", en, vi, "-o", path);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        using var stream = File.OpenRead(path);
        var act = () => ScorerModel.Load(stream);
        act.Should().NotThrow();
    }

    [Test]
    public void TrainScorer_DifferentLineCounts_ExitsOneWithOneLine()
    {
        var (english, vietnamese) = ScorerTrainerTests.Corpus(new Random(8), 30, 1.0);
        var en = temp.Write("dev.en", string.Join("\n", english));
        var vi = temp.Write("dev.vi", string.Join("\n", vietnamese.Skip(1)));

        var run = CliRun.Of("train-scorer", en, vi);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(vi);
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void TrainScorer_MissingFile_ExitsOneWithOneLine()
    {
        var missing = temp.File("missing.en");

        var run = CliRun.Of("train-scorer", missing, missing);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(missing);
        run.Error.Should().NotContain("   at ");
    }

    [Test]
    public void TrainScorer_TooFewPairs_ExitsNonZeroWithOneLine()
    {
        var en = temp.Write("dev.en", "One.\nTwo.\n");
        var vi = temp.Write("dev.vi", "Một.\nHai.\n");

        var run = CliRun.Of("train-scorer", en, vi);

        run.ExitCode.Should().NotBe(CliApp.Success);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("20");
        run.Error.Should().NotContain("   at ");
    }

    [Test]
    public void TrainScorer_TooFewPairs_ExitsOneAsBadInput()
    {
        var en = temp.Write("dev.en", "One.\nTwo.\n");
        var vi = temp.Write("dev.vi", "Một.\nHai.\n");

        var run = CliRun.Of("train-scorer", en, vi);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.Error.Should().NotContain("unexpected");
    }
}
