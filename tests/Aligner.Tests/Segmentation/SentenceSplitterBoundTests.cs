using Aligner.Segmentation;
using FluentAssertions;

namespace Aligner.Tests.Segmentation;

[TestFixture]
public sealed class SentenceSplitterBoundTests
{
    [TestCase("word ", 10_000)] // words without a sentence end
    [TestCase("x", 10_000)] // one long word: cut without a space
    [TestCase("😀", 5_000)] // surrogate pairs are never cut in two
    [TestCase("a b ", 3_000)] // short words
    public void Split_RunWithoutSentenceEnd_PiecesAreBoundedAndCoverTheText(string unit, int repeat)
    {
        var text = string.Concat(Enumerable.Repeat(unit, repeat)).TrimEnd();

        var sentences = SentenceSplitter.Split(text);

        sentences.Should().OnlyContain(s => s.Range.Length > 0 && s.Range.Length <= SentenceSplitter.MaxSentenceLength);
        sentences.Should().OnlyContain(s => !char.IsLowSurrogate(text[s.Range.Start]) && !char.IsHighSurrogate(text[s.Range.End - 1]));
        var covered = string.Concat(sentences.Select(s => s.Range.Substring(text)));
        covered.Replace(" ", string.Empty, StringComparison.Ordinal).Should().Be(text.Replace(" ", string.Empty, StringComparison.Ordinal), "no character but the spaces at the cuts is lost");
    }

    [Test]
    public void Split_OrdinarySentences_AreNotCut()
    {
        var text = string.Concat(Enumerable.Repeat("The minister said the line would open next year. ", 200));

        SentenceSplitter.Split(text).Should().HaveCount(200);
    }
}
