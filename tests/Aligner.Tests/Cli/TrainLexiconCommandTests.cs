using System.IO.Compression;
using Aligner.Cli;
using Aligner.Scoring;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class TrainLexiconCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void TrainLexicon_PairedFiles_WritesLoadableLexicon()
    {
        var en = temp.Write("a.en", "the cat sleeps\nthe dog sleeps\nthe cat eats\ncat\n");
        var vi = temp.Write("a.vi", "con mèo ngủ\ncon chó ngủ\ncon mèo ăn\nmèo\n");
        var output = temp.File("lexicon.bin");

        var run = CliRun.Of("train-lexicon", en, vi, "-o", output, "--name", "toy");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        using var stream = File.OpenRead(output);
        var lexicon = Lexicon.Load(stream);
        lexicon.TrainedOn.Should().Be("toy");
        lexicon.VietnameseId("mèo").Should().BeGreaterThanOrEqualTo(0);
    }

    [Test]
    public void TrainLexicon_GzipInput_IsRead()
    {
        var en = temp.File("a.en.gz");
        var vi = temp.File("a.vi.gz");
        WriteGzip(en, "the cat sleeps\nthe dog sleeps\ncat\n");
        WriteGzip(vi, "con mèo ngủ\ncon chó ngủ\nmèo\n");
        var output = temp.File("lexicon.bin");

        var run = CliRun.Of("train-lexicon", en, vi, "-o", output);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        File.Exists(output).Should().BeTrue();
    }

    [Test]
    public void TrainLexicon_OddNumberOfFiles_ExitsOneWithOneLine()
    {
        var en = temp.Write("a.en", "cat\n");
        var vi = temp.Write("a.vi", "mèo\n");
        var extra = temp.Write("b.en", "dog\n");

        var run = CliRun.Of("train-lexicon", en, vi, extra, "-o", temp.File("x.bin"));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(extra);
    }

    [Test]
    public void TrainLexicon_DifferentLineCounts_ExitsOneWithOneLine()
    {
        var en = temp.Write("a.en", "cat\ndog\n");
        var vi = temp.Write("a.vi", "mèo\n");

        var run = CliRun.Of("train-lexicon", en, vi, "-o", temp.File("x.bin"));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(vi);
    }

    [Test]
    public void TrainLexicon_MissingFile_ExitsOneWithOneLine()
    {
        var missing = Path.Combine(temp.Path, "nope.en");
        var vi = temp.Write("a.vi", "mèo\n");

        var run = CliRun.Of("train-lexicon", missing, vi, "-o", temp.File("x.bin"));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("nope.en");
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
