using Aligner.Cli;
using Aligner.Detection;
using Aligner.Tests.Support;
using Aligner.Tests.Training;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class TrainDetectorCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void TrainDetector_Files_WritesModelThatDetectUses()
    {
        var (english, vietnamese) = LanguageDetectorTrainerTests.SeedSentences();
        var en = temp.Write("en.txt", string.Join("\n", english));
        var vi = temp.Write("vi.txt", string.Join("\r\n", vietnamese));
        var model = temp.File("detector.bin");

        var train = CliRun.Of("train-detector", "--english", en, "--vietnamese", vi, "--name", "seeds", "--smoothing", "0.01", "-o", model);

        train.ExitCode.Should().Be(CliApp.Success, train.Error);
        using (var stream = File.OpenRead(model))
        {
            LanguageModel.Load(stream).TrainedOn.Should().StartWith("seeds: ");
        }

        var input = temp.Write("in.txt", "Tổng Bí thư, Chủ tịch nước và đoàn đại biểu cấp cao Việt Nam tham dự hội nghị.\n");
        var detect = CliRun.Of("detect", input, "--model", model);
        detect.ExitCode.Should().Be(CliApp.Success, detect.Error);
        detect.StandardOutput.Should().Contain("\"language\":\"vi\"");
    }

    [Test]
    public void TrainDetector_TooLittleText_ExitsOneWithOneLine()
    {
        var (english, _) = LanguageDetectorTrainerTests.SeedSentences();
        var en = temp.Write("en.txt", string.Join("\n", english));
        var vi = temp.Write("vi.txt", "Một.\nHai.\n");

        var run = CliRun.Of("train-detector", "--english", en, "--vietnamese", vi, "-o", temp.File("m.bin"));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(vi);
    }
}
