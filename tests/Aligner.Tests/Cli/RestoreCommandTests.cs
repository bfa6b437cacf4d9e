using System.Text;
using Aligner.Cli;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class RestoreCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Restore_StandardInput_RestoresLineForLine()
    {
        const string text = "Tong Bi thu, Chu tich nuoc khang dinh\n\nThe President said.\r\nhoc sinh di hoc";

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(text), "restore");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Be("Tổng Bí thư, Chủ tịch nước khẳng định\n\nThe President said.\r\nhọc sinh đi học");
    }

    [Test]
    public void Restore_File_NewToneStyle()
    {
        var path = temp.Write("in.txt", "hoa binh va suc khoe\n");

        var run = CliRun.Of("restore", path, "--tone", "new");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Be("hoà bình và sức khoẻ\n");
    }

    [Test]
    public void Restore_Seed_KeepsLineCount()
    {
        var path = Seeds.PathOf(Seeds.MixedPageWithCaptions);

        var run = CliRun.Of("restore", path);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Split('\n').Should().HaveCount(Seeds.Read(Seeds.MixedPageWithCaptions).Split('\n').Length);
        run.StandardOutput.Should().Contain("Tổng Bí thư, Chủ tịch nước khẳng định");
    }

    [Test]
    public void Restore_BadModel_ExitsOneWithOneLine()
    {
        var model = temp.Write("model.bin", "not a model");

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("Tong Bi thu"), "restore", "--model", model);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(model).And.Contain("not a syllable model", "a text given as a model is named for what it is, not in the decompressor's words");
    }

    [Test]
    public void Restore_EmptyModel_SaysItIsEmpty()
    {
        var model = temp.Write("empty.bin", string.Empty);

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("Tong Bi thu"), "restore", "--model", model);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Be($"aligner: {model}: syllable model is empty");
    }

    [Test]
    public void TrainRestorer_Corpus_WritesModelThatRestores()
    {
        var corpus = temp.Write("corpus.txt", string.Join("\n", Enumerable.Repeat("Tổng Bí thư, Chủ tịch nước khẳng định. Học sinh đi học.", 20)));
        var model = temp.File("model.bin");

        var train = CliRun.Of("train-restorer", "--corpus", corpus, "-o", model);
        var restore = CliRun.WithInput(Encoding.UTF8.GetBytes("Tong Bi thu khang dinh"), "restore", "--model", model);

        train.ExitCode.Should().Be(CliApp.Success, train.Error);
        restore.ExitCode.Should().Be(CliApp.Success, restore.Error);
        restore.StandardOutput.Should().Be("Tổng Bí thư khẳng định");
    }

    [Test]
    public void TrainRestorer_MissingCorpus_ExitsOneWithOneLine()
    {
        var corpus = temp.File("missing.txt");

        var run = CliRun.Of("train-restorer", "--corpus", corpus, "-o", temp.File("model.bin"));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(corpus);
    }
}
