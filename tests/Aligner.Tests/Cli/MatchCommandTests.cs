using System.Text.Json;
using System.Xml.Linq;
using Aligner.Cli;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

[TestFixture]
public sealed class MatchCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Match_SeedFolder_WritesPairsWithPassageAndFiles()
    {
        var run = CliRun.Of("match", Seeds.Directory);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.Error.Should().BeEmpty("progress is shown only on a terminal");
        run.ResultLines.Should().NotBeEmpty();
        foreach (var line in run.ResultLines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            root.GetProperty("type").GetString().Should().BeOneOf("1-1", "2-1", "1-2", "2-2");
            root.GetProperty("passage").GetInt32().Should().BePositive();
            root.GetProperty("score").GetDouble().Should().BeInRange(0, 1);
            foreach (var side in new[] { "en", "vi" })
            {
                var s = root.GetProperty(side);
                var file = s.GetProperty("file").GetString()!;
                var text = File.ReadAllText(file);
                var start = s.GetProperty("start").GetInt32();
                var end = s.GetProperty("end").GetInt32();
                text[start..end].Should().Be(s.GetProperty("text").GetString());
            }
        }
    }

    [Test]
    public void Match_FilesNamedOneByOne_SameAsTheirFolder()
    {
        var byFolder = CliRun.Of("match", Seeds.Directory);
        var byFile = CliRun.Of(["match", .. Seeds.All.Select(Seeds.PathOf)]);

        byFile.StandardOutput.Should().Be(byFolder.StandardOutput);
    }

    [TestCase("tsv")]
    [TestCase("tmx")]
    [TestCase("html")]
    public void Match_OtherFormats_WriteThePairs(string format)
    {
        var run = CliRun.Of("match", Seeds.PathOf(Seeds.MixedPage), "--format", format);

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.StandardOutput.Should().Contain("Thu tuong Chinh phu Pham Minh Chinh tiep Tong Thu ky Lien Hop Quoc");
        if (format == "tmx")
        {
            var tmx = XDocument.Parse(run.StandardOutput);
            tmx.Descendants("tu").Should().NotBeEmpty();
            tmx.Descendants("prop").Should().Contain(p => (string?)p.Attribute("type") == "x-passage");
        }
    }

    [Test]
    public void Match_MissingPath_OneLineErrorNamingIt()
    {
        var missing = temp.File("missing.txt");

        var run = CliRun.Of("match", Seeds.Directory, missing);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(missing).And.Contain("no such file");
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void Match_FolderWithoutText_OneLineError()
    {
        var folder = Path.Combine(temp.Path, "empty");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.md"), "not a .txt file");

        var run = CliRun.Of("match", folder);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(folder).And.Contain("no .txt files");
    }

    [Test]
    public void Match_InvalidUtf8_OneLineErrorNamingTheFile()
    {
        var bad = temp.File("bad.txt");
        File.WriteAllBytes(bad, [0x48, 0xC3, 0x28, 0x0A]);

        var run = CliRun.Of("match", bad);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(bad);
    }

    [Test]
    public void Match_MoreTextThanOneRunHolds_OneLineErrorBeforeReading()
    {
        // Sparse files: their size counts, nothing is written to disk or read.
        for (var k = 0; k < 2; k++)
        {
            using var file = File.Create(temp.File($"big{k}.txt"));
            file.SetLength(150L << 20);
        }

        var run = CliRun.Of("match", temp.Path);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("MiB").And.Contain("smaller sets");
    }

    [Test]
    public void Match_MinScore_KeepsOnlyStrongerPassages()
    {
        var all = CliRun.Of("match", Seeds.Directory);
        var strong = CliRun.Of("match", Seeds.Directory, "--min-score", "30");
        var none = CliRun.Of("match", Seeds.Directory, "--min-score", "100000");

        strong.ExitCode.Should().Be(CliApp.Success, strong.Error);
        strong.ResultLines.Count.Should().BeLessThan(all.ResultLines.Count).And.BePositive();
        none.ResultLines.Should().BeEmpty();
    }

    [Test]
    public void Match_NoArguments_UsageError()
    {
        var run = CliRun.Of("match");

        run.ExitCode.Should().NotBe(CliApp.Success);
    }
}
