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

[TestFixture]
public sealed class AlignModelOptionsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Align_OwnLexiconAndScorer_AreUsed()
    {
        var en = temp.Write("a.en", "the cat sleeps\nthe dog sleeps\nthe cat eats\ncat\n");
        var vi = temp.Write("a.vi", "con mèo ngủ\ncon chó ngủ\ncon mèo ăn\nmèo\n");
        var lexicon = temp.File("lexicon.bin");
        CliRun.Of("train-lexicon", en, vi, "-o", lexicon).ExitCode.Should().Be(CliApp.Success);
        var output = temp.File("out.jsonl");

        var run = CliRun.Of("align", Support.Seeds.PathOf(Support.Seeds.EnglishReport), Support.Seeds.PathOf(Support.Seeds.VietnameseReport),
            "--lexicon", lexicon, "--scorer", Path.Combine(TestContext.CurrentContext.TestDirectory, "scorer.json"), "-o", output);

        run.ExitCode.Should().Be(CliApp.BadInput, "the scorer file does not exist");
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("scorer.json").And.Contain("no such file");

        var withLexicon = CliRun.Of("align", Support.Seeds.PathOf(Support.Seeds.EnglishReport), Support.Seeds.PathOf(Support.Seeds.VietnameseReport), "--lexicon", lexicon, "-o", output);

        withLexicon.ExitCode.Should().Be(CliApp.Success, withLexicon.Error);
        File.ReadLines(output).Should().NotBeEmpty();
    }

    [Test]
    public void Align_LexiconThatIsNotOne_ExitsOneWithOneLine()
    {
        var bogus = temp.Write("bogus.bin", "not a lexicon at all");

        var run = CliRun.Of("align", Support.Seeds.PathOf(Support.Seeds.EnglishReport), Support.Seeds.PathOf(Support.Seeds.VietnameseReport), "--lexicon", bogus);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(bogus);
    }

    [Test]
    public void Align_ScorerThatIsNotOne_ExitsOneWithOneLine()
    {
        var bogus = temp.Write("scorer.json", "{\"LengthRatio\": -1}");

        var run = CliRun.Of("align", Support.Seeds.PathOf(Support.Seeds.EnglishReport), Support.Seeds.PathOf(Support.Seeds.VietnameseReport), "--scorer", bogus);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(bogus);
    }
}
