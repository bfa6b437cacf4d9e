using System.Text;
using System.Text.Json;
using Aligner.Cli;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Cli;

/// <summary>The streaming contract of <c>aligner align --pairs LIST</c>.</summary>
[TestFixture]
public sealed class AlignPairsTests : IDisposable
{
    private static readonly string[] English =
    [
        "The minister arrived in Hanoi on Monday. She met the president.",
        "Exports rose 22 percent to 88 billion USD. Imports fell.",
        "The storm hit the coast at night. Thousands of homes lost power.",
    ];

    private static readonly string[] Vietnamese =
    [
        "Bộ trưởng đến Hà Nội hôm thứ Hai. Bà đã gặp chủ tịch nước.",
        "Xuất khẩu tăng 22% lên 88 tỷ USD. Nhập khẩu giảm.",
        "Cơn bão đổ bộ vào bờ biển trong đêm. Hàng nghìn ngôi nhà bị mất điện.",
    ];

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void Pairs_FromStandardInput_EachPairAsItsOwnAlignInListOrder()
    {
        var pairs = Enumerable.Range(0, 3).Select(k => (temp.Write($"en{k}.txt", English[k]), temp.Write($"vi{k}.txt", Vietnamese[k]))).ToList();
        var list = string.Join('\n', pairs.Select(p => $"{p.Item1}\t{p.Item2}")) + "\n";

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(list), "align", "--pairs", "-");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        run.Error.Should().BeEmpty();
        var expected = new List<string>();
        for (var k = 0; k < pairs.Count; k++)
        {
            var (en, vi) = pairs[k];
            var single = CliRun.Of("align", en, vi);
            var prefix = $"{{\"pair\":{k + 1},\"en_file\":{JsonSerializer.Serialize(en)},\"vi_file\":{JsonSerializer.Serialize(vi)},";
            expected.AddRange(single.ResultLines.Select(line => prefix + line[1..]));
        }

        run.ResultLines.Should().Equal(expected);
    }

    [Test]
    public void Pairs_BadPairs_ReportedInTheirTurnOnStandardErrorAndSkipped()
    {
        var en = temp.Write("en.txt", English[0]);
        var vi = temp.Write("vi.txt", Vietnamese[0]);
        var missing = temp.File("missing.txt");
        var binary = temp.Write("binary.txt", [0x61, 0x00, 0x00, 0x00, 0x62, 0x00, 0x00, 0x01]);
        var list = temp.Write("pairs.tsv", $"{en}\t{vi}\n{missing}\t{vi}\n\n# a comment\nno tab here\n{en}\t{binary}\n{en}\t{vi}\n");

        var run = CliRun.Of("align", "--pairs", list);

        run.ExitCode.Should().Be(CliApp.BadInput, "some pairs were skipped");
        run.ErrorLines.Should().HaveCount(3);
        run.ErrorLines[0].Should().StartWith($"aligner: {list} line 2: ").And.Contain(missing).And.EndWith("skipped");
        run.ErrorLines[1].Should().StartWith($"aligner: {list} line 5: ").And.Contain("ENGLISH_PATH<TAB>VIETNAMESE_PATH");
        run.ErrorLines[2].Should().StartWith($"aligner: {list} line 6: ").And.Contain(binary);
        run.Error.Should().NotContain("   at ", "no stack trace without --verbose");
        var numbers = run.ResultLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("pair").GetInt32()).Distinct();
        numbers.Should().Equal(1, 7);
    }

    [Test]
    public void Pairs_MoreThanTheWindow_KeepListOrderAndNameBothFilesOnEveryLine()
    {
        var lines = new StringBuilder();
        var files = new List<(string En, string Vi)>();
        for (var k = 0; k < 4 * Environment.ProcessorCount + 3; k++)
        {
            // Pairs of different lengths finish in a different order than they start.
            var count = 1 + ((k * 7) % 5);
            var en = temp.Write($"en{k}.txt", string.Join("\n\n", Enumerable.Range(0, count).Select(q => English[(k + q) % 3])));
            var vi = temp.Write($"vi{k}.txt", string.Join("\n\n", Enumerable.Range(0, count).Select(q => Vietnamese[(k + q) % 3])));
            files.Add((en, vi));
            lines.Append(en).Append('\t').Append(vi).Append('\n');
        }

        var run = CliRun.WithInput(Encoding.UTF8.GetBytes(lines.ToString()), "align", "--pairs", "-");

        run.ExitCode.Should().Be(CliApp.Success, run.Error);
        var seen = new List<int>();
        foreach (var line in run.ResultLines)
        {
            var root = JsonDocument.Parse(line).RootElement;
            var pair = root.GetProperty("pair").GetInt32();
            root.GetProperty("en_file").GetString().Should().Be(files[pair - 1].En);
            root.GetProperty("vi_file").GetString().Should().Be(files[pair - 1].Vi);
            if (seen.Count == 0 || seen[^1] != pair)
            {
                seen.Add(pair);
            }
        }

        seen.Should().Equal(Enumerable.Range(1, files.Count), "pairs are written whole, in list order");
    }

    [Test]
    public void Pairs_WithFileArguments_IsAUsageError()
    {
        var list = temp.Write("pairs.tsv", "");

        var run = CliRun.Of("align", "a.txt", "--pairs", list);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("--pairs");
    }

    [Test]
    public void Pairs_OtherFormat_IsAUsageError()
    {
        var list = temp.Write("pairs.tsv", "");

        var run = CliRun.Of("align", "--pairs", list, "--format", "tsv");

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("jsonl");
    }

    [Test]
    public void Pairs_MissingList_OneLineNamingIt()
    {
        var list = temp.File("nowhere.tsv");

        var run = CliRun.Of("align", "--pairs", list);

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain(list);
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public void Align_NoFilesAndNoPairs_IsAUsageError()
    {
        var run = CliRun.Of("align");

        run.ExitCode.Should().Be(CliApp.BadInput);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("ENGLISH_FILE");
    }
}
