using Aligner.Alignment;
using Aligner.Input;
using Aligner.Tests.Alignment;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.EndToEnd;

/// <summary>
/// Seed 001 (Lao Dong's English page) and seed 004 (VietnamPlus) report the same visit in their own words: little
/// of it is translated, so `align` switches to the scorer for comparable text.
/// </summary>
[TestFixture]
public sealed class ComparableAlignmentTests
{
    private DocumentAlignment comparable = null!;
    private DocumentAlignment translationOnly = null!;

    [OneTimeSetUp]
    public void AlignSeeds()
    {
        var english = Seeds.Read(Seeds.MixedPage);
        var vietnamese = Seeds.Read(Seeds.VietnameseReport);
        comparable = AlignmentPipeline.Default.Align(new SourceText(english, Seeds.MixedPage), new SourceText(vietnamese, Seeds.VietnameseReport));
        translationOnly = AlignmentPipeline.Create(AlignmentOptions.Default with { ComparableShare = 0 })
            .Align(new SourceText(english, Seeds.MixedPage), new SourceText(vietnamese, Seeds.VietnameseReport));
    }

    [Test]
    public void Align_ComparableSeeds_EverySentenceInExactlyOneBead()
    {
        ComparableLinkerTests.CheckCover(comparable.Beads, comparable.EnglishSentences.Count, comparable.VietnameseSentences.Count);
    }

    [TestCase("Third, security and defense cooperation", "Hợp tác an ninh-quốc phòng")]
    [TestCase("Bilateral trade turnover in the first 8 months", "Trong 8 tháng đầu năm 2024")]
    [TestCase("United Nations leaders always appreciate", "Lãnh đạo Liên hợp quốc luôn đánh giá cao")]
    public void Align_ComparableSeeds_PairsTheRetoldStatementAboveEvenOdds(string english, string vietnamese)
    {
        var pair = Pair(comparable, english, vietnamese);

        pair.Should().NotBeNull($"\"{english}\" retells \"{vietnamese}\"");
        pair!.Value.Score.Should().BeGreaterThan(0.5);
    }

    [Test]
    public void Align_ComparableShareZero_FindsFewerPairs()
    {
        Pairs(translationOnly).Should().BeLessThan(Pairs(comparable));

        static int Pairs(DocumentAlignment a) => a.Beads.Count(b => b.EnglishCount > 0 && b.VietnameseCount > 0);
    }

    private static Bead? Pair(DocumentAlignment alignment, string english, string vietnamese)
    {
        foreach (var bead in alignment.Beads)
        {
            var en = alignment.EnglishRange(bead);
            var vi = alignment.VietnameseRange(bead);
            if (en is { } e && vi is { } v && e.Substring(alignment.English.Text).Contains(english, StringComparison.Ordinal)
                && v.Substring(alignment.Vietnamese.Text).Contains(vietnamese, StringComparison.Ordinal))
            {
                return bead;
            }
        }

        return null;
    }
}
