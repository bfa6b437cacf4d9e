using System.IO.Compression;
using System.Text;
using Aligner.Cli;
using Aligner.Detection;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

/// <summary>What fuzzing the tool found (issue 16), one test per finding.</summary>
[TestFixture]
public sealed class FuzzFindingsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Normalize_UnicodeVietnameseWithAStrayToken_IsNotReadAsALegacyEncoding()
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("Giám đốc Công ty không nộp tiền.\nAâ\n"), "normalize");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Be("Giám đốc Công ty không nộp tiền.\nAâ\n");
    }

    [Test]
    public void Normalize_InvisibleBetweenCrAndLf_KeepsThreeLines()
    {
        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("a\r\u200B\nb\n"), "normalize");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.ReplaceLineEndings("|").Should().Be("a|\u200B|b|");
    }

    [Test]
    public void TrainRestorer_NoncharacterInTheCorpus_TrainsWithoutCrash()
    {
        var corpus = temp.Write("fffe.txt", "Việt Nam \uFFFE là một quốc gia.\nHà Nội là thủ đô của Việt Nam.\n");

        var run = CliRun.Of("train-restorer", "--corpus", corpus, "-o", temp.File("r.bin"));

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
    }

    [Test]
    public void TrainRestorer_BinaryCorpus_OneLineErrorExitOne()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        var corpus = temp.Write("program", bytes);

        var run = CliRun.Of("train-restorer", "--corpus", corpus, "-o", temp.File("r.bin"));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(corpus);
    }

    [Test]
    public void TrainRestorer_Utf16WithoutBom_OneLineErrorExitOne()
    {
        var corpus = temp.Write("utf16.txt", Encoding.Unicode.GetBytes("Hà Nội là thủ đô của Việt Nam.\n"));

        var run = CliRun.Of("train-restorer", "--corpus", corpus, "-o", temp.File("r.bin"));

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(corpus);
    }

    [Test]
    public void Align_OutputToAFullDisk_ExitsOne()
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("no /dev/full on this system");
        }

        var run = CliRun.Of("align", Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport), "-o", "/dev/full");

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("cannot write the output");
    }

    [Test]
    public void Detect_ModelWithNaN_ExitsOneNamingTheFile()
    {
        var model = temp.File("nan.bin");
        using (var file = File.Create(model))
        {
            LanguageModel.Default.WithCalibration(LanguageModel.Default.Calibration with { PlattIntercept = double.NaN }).Save(file);
        }

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes("Hello there.\n"), "detect", "--model", model);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(model).And.Contain("finite");
    }

    [Test]
    public void Detect_ModelWithADamagedByte_IsRefusedByTheChecksum()
    {
        using var saved = new MemoryStream();
        LanguageModel.Default.Save(saved);
        var bytes = saved.ToArray();
        var refused = 0;
        var random = new Random(11);
        const int Tries = 40;
        for (var t = 0; t < Tries; t++)
        {
            var damaged = (byte[])bytes.Clone();
            var at = 10 + random.Next(damaged.Length - 10); // past the gzip header (time stamp and flags say nothing of the model)
            damaged[at] ^= (byte)(1 + random.Next(255));
            try
            {
                LanguageModel.Load(new MemoryStream(damaged));
            }
            catch (InvalidDataException)
            {
                refused++;
            }
        }

        refused.Should().Be(Tries, "the gzip frame's CRC-32 and length are checked");
    }

    [Test]
    public void Load_ModelWithDataAfterItsEnd_IsRefused()
    {
        using var saved = new MemoryStream();
        using (var gzip = new GZipStream(saved, CompressionLevel.Fastest, leaveOpen: true))
        {
            using var plain = new MemoryStream();
            LanguageModel.Default.Save(plain);
            plain.Position = 0;
            using var unzip = new GZipStream(plain, CompressionMode.Decompress);
            unzip.CopyTo(gzip);
            gzip.Write("extra"u8);
        }

        saved.Position = 0;
        var act = () => LanguageModel.Load(saved);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain("after its end");
    }

    [Test]
    public void Align_OnePunctuationFreeMegabyteLine_IsCutIntoBoundedSentences()
    {
        var words = new[] { "government", "minister", "said", "trade", "economy", "people", "city", "station" };
        var builder = new StringBuilder();
        var random = new Random(5);
        while (builder.Length < 1_000_000)
        {
            builder.Append(words[random.Next(words.Length)]).Append(' ');
        }

        var alignment = Bitext.Align(builder.ToString(), Seeds.Read(Seeds.VietnameseReport));

        alignment.EnglishSentences.Should().HaveCountGreaterThan(400)
            .And.OnlyContain(s => s.Range.Length <= Aligner.Segmentation.SentenceSplitter.MaxSentenceLength);
    }
}
