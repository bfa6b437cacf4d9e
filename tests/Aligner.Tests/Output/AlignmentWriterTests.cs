using Aligner.Alignment;
using Aligner.Input;
using Aligner.Matching;
using Aligner.Output;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Output;

[TestFixture]
public sealed class AlignmentWriterTests
{
    private static DocumentAlignment Alignment => WriterFixture.Sample;

    private static readonly Lazy<IReadOnlyList<MatchedPassage>> Passages = new(() =>
        PassageMatcher.Default.Match([SourceText.Load(Seeds.PathOf(Seeds.EnglishReport)), SourceText.Load(Seeds.PathOf(Seeds.VietnameseReport))]));

    // Each public writer, and the writer of that format the CLI's --format reaches.
    public static IEnumerable<TestCaseData> Writers()
    {
        yield return Case(AlignmentWriter.JsonLines, "jsonl", JsonLinesWriter.Write, JsonLinesWriter.Write);
        yield return Case(AlignmentWriter.Tsv, "tsv", TsvWriter.Write, TsvWriter.Write);
        yield return Case(AlignmentWriter.Tmx, "tmx", TmxWriter.Write, TmxWriter.Write);
        yield return Case(AlignmentWriter.Html, "html", HtmlWriter.Write, HtmlWriter.Write);
    }

    [TestCaseSource(nameof(Writers))]
    public void Write_Alignment_IsTheFormatTheCliWrites(AlignmentWriter writer, Action<DocumentAlignment, Stream> format, Action<IReadOnlyList<MatchedPassage>, Stream> _)
    {
        var written = Bytes(s => writer.Write(Alignment, s));

        written.Should().NotBeEmpty();
        written.Should().Equal(Bytes(s => format(Alignment, s)));
    }

    [TestCaseSource(nameof(Writers))]
    public void Write_Passages_IsTheFormatTheCliWrites(AlignmentWriter writer, Action<DocumentAlignment, Stream> _, Action<IReadOnlyList<MatchedPassage>, Stream> format)
    {
        var passages = Passages.Value;

        var written = Bytes(s => writer.Write(passages, s));

        written.Should().NotBeEmpty();
        written.Should().Equal(Bytes(s => format(passages, s)));
    }

    private static TestCaseData Case(AlignmentWriter writer, string name, Action<DocumentAlignment, Stream> alignment, Action<IReadOnlyList<MatchedPassage>, Stream> passages) =>
        new TestCaseData(writer, alignment, passages).SetArgDisplayNames(name);

    [Test]
    public void Write_NullArguments_Throw()
    {
        var noAlignment = () => AlignmentWriter.Tmx.Write((DocumentAlignment)null!, Stream.Null);
        var noPassages = () => AlignmentWriter.Tmx.Write((IReadOnlyList<MatchedPassage>)null!, Stream.Null);
        var noStream = () => AlignmentWriter.Tmx.Write(Alignment, null!);

        noAlignment.Should().Throw<ArgumentNullException>();
        noPassages.Should().Throw<ArgumentNullException>();
        noStream.Should().Throw<ArgumentNullException>();
    }

    // Every writer refuses a missing alignment, passage list or stream.
    [TestCaseSource(nameof(Writers))]
    public void Write_Null_ThrowsArgumentNullException(AlignmentWriter _, Action<DocumentAlignment, Stream> alignment, Action<IReadOnlyList<MatchedPassage>, Stream> passages)
    {
        var noAlignment = () => alignment(null!, Stream.Null);
        var noPassages = () => passages(null!, Stream.Null);
        var noStream = () => alignment(Alignment, null!);

        noAlignment.Should().Throw<ArgumentNullException>();
        noPassages.Should().Throw<ArgumentNullException>();
        noStream.Should().Throw<ArgumentNullException>();
    }

    // The sample the writer tests share holds what each format treats apart: pairs, and a sentence without partner.
    [Test]
    public void Sample_HasPairsAndAnUnpairedLine()
    {
        var sample = WriterFixture.Sample;

        sample.Beads.Count(WriterFixture.IsPair).Should().Be(2);
        sample.Beads.Should().ContainSingle(b => !WriterFixture.IsPair(b))
            .Which.Should().Match<Bead>(b => sample.EnglishRange(b)!.Value.Substring(sample.English.Text) == "RELATED NEWS");
        sample.VietnameseRange(sample.Beads.First(WriterFixture.IsPair))!.Value.Substring(sample.Vietnamese.Text).Should().Be("LHQ đã họp ngày 21/9.");
    }

    private static byte[] Bytes(Action<Stream> write) => WriterFixture.Bytes(write);
}
