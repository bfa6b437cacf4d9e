using Aligner.Alignment;
using Aligner.Detection;
using Aligner.Preparation;
using Aligner.Scoring;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Alignment;

[TestFixture]
public sealed class ComparableLinkerTests
{
    private static readonly ComparableLinker Linker = new(PairScorer.Default.ForComparableText());

    [Test]
    public void Link_StatementsInOtherOrder_PairsCross()
    {
        // The Vietnamese report tells the same three statements in another order (the trade figure first).
        var english = Prepare(
            "Prime Minister Pham Minh Chinh arrived in Phnom Penh on November 8, starting an official visit to Cambodia.\n"
            + "The two prime ministers held talks at the Peace Palace.\n"
            + "Two-way trade reached 10.57 billion USD in 2024, up 18.6 percent.",
            DetectedLanguage.English);
        var vietnamese = Prepare(
            "Kim ngạch thương mại hai chiều năm 2024 đạt 10,57 tỷ USD, tăng 18,6%.\n"
            + "Sáng 8/11, Thủ tướng Phạm Minh Chính đến Phnom Penh, bắt đầu chuyến thăm chính thức Campuchia.\n"
            + "Hai Thủ tướng đã hội đàm tại Cung Hòa Bình.",
            DetectedLanguage.Vietnamese);

        var beads = Linker.Link(english, vietnamese);

        CheckCover(beads, english.Length, vietnamese.Length);
        var pairs = beads.Where(b => b.EnglishCount > 0 && b.VietnameseCount > 0).Select(b => (b.EnglishStart, b.VietnameseStart)).ToList();
        pairs.Should().Contain((0, 1), "the arrival is the Vietnamese second sentence");
        pairs.Should().Contain((2, 0), "the trade figure opens the Vietnamese report");
        beads.Where(b => b.EnglishCount > 0 && b.VietnameseCount > 0).Should().OnlyContain(b => b.Score >= ComparableLinker.LinkThreshold);
    }

    [Test]
    public void Link_NothingShared_EverySentenceAloneInTextOrder()
    {
        var english = Prepare("The weather was sunny in Hanoi on Monday morning.\nThe football match in Bangkok ended 2-2.", DetectedLanguage.English);
        var vietnamese = Prepare("Từ 15 giờ ngày 21/3, giá xăng RON 95 tăng 520 đồng mỗi lít.", DetectedLanguage.Vietnamese);

        var beads = Linker.Link(english, vietnamese);

        beads.Select(b => b.Kind).Should().Equal(BeadKind.ZeroToOne, BeadKind.OneToZero, BeadKind.OneToZero);
        CheckCover(beads, english.Length, vietnamese.Length);
    }

    [Test]
    public void Link_FurnitureAndOtherLanguage_NeverPaired()
    {
        var english = Prepare("Share this article\nPrime Minister Pham Minh Chinh met President Joe Biden in New York on September 19.", DetectedLanguage.English);
        var vietnamese = Prepare("Chia sẻ bài viết\nNgày 19/9 tại New York, Thủ tướng Phạm Minh Chính đã gặp Tổng thống Joe Biden.", DetectedLanguage.Vietnamese);
        vietnamese[1] = new SentenceFeatures(vietnamese[1]) { IsOtherLanguage = true };

        var beads = Linker.Link(english, vietnamese);

        beads.Should().OnlyContain(b => b.EnglishCount == 0 || b.VietnameseCount == 0);
        CheckCover(beads, english.Length, vietnamese.Length);
    }

    [Test]
    public void Link_RandomSequences_EverySentenceOnceScoresInUnitInterval()
    {
        var random = new Random(2718);
        for (var round = 0; round < 100; round++)
        {
            var n = random.Next(0, 30);
            var m = random.Next(0, 30);
            var en = Synthetic.Features(Enumerable.Range(0, n).Select(_ => Synthetic.Sentence(random, random.Next(2) == 0 ? random.Next(12) : null, 0, 30)));
            var vi = Synthetic.Features(Enumerable.Range(0, m).Select(_ => Synthetic.Sentence(random, random.Next(2) == 0 ? random.Next(12) : null, 0, 30)));

            var beads = Linker.Link(en, vi);

            CheckCover(beads, n, m);
            Linker.Link(en, vi).Should().Equal(beads, "the result does not depend on the cores");
        }
    }

    /// <summary>Every sentence of both sides in exactly one bead (in any order), scores in [0, 1], English beads in order.</summary>
    internal static void CheckCover(IReadOnlyList<Bead> beads, int english, int vietnamese)
    {
        var englishSeen = new int[english];
        var vietnameseSeen = new int[vietnamese];
        var lastEnglish = -1;
        foreach (var bead in beads)
        {
            (bead.EnglishCount + bead.VietnameseCount).Should().BePositive();
            bead.Score.Should().BeInRange(0, 1);
            for (var i = bead.EnglishStart; i < bead.EnglishStart + bead.EnglishCount; i++)
            {
                englishSeen[i]++;
                i.Should().BeGreaterThan(lastEnglish, "beads follow the English text");
                lastEnglish = i;
            }

            for (var j = bead.VietnameseStart; j < bead.VietnameseStart + bead.VietnameseCount; j++)
            {
                vietnameseSeen[j]++;
            }
        }

        englishSeen.Should().NotContain(c => c != 1, "every English sentence is in exactly one bead");
        vietnameseSeen.Should().NotContain(c => c != 1, "every Vietnamese sentence is in exactly one bead");
    }

    private static SentenceFeatures[] Prepare(string text, DetectedLanguage language) =>
        new DocumentPreparer(null, null, Lexicon.Default).Prepare(text, language).Features.ToArray();
}
