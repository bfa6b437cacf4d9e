using Aligner.Scoring;
using FluentAssertions;

namespace Aligner.Tests.Scoring;

/// <summary>Names and numbers that each of two documents tells in one sentence only.</summary>
[TestFixture]
public sealed class DocumentKeysTests
{
    private static SentenceFeatures[] Features(params string[] sentences) => [.. sentences.Select(s => FeatureExtractor.Extract(s))];

    [Test]
    public void SharedUnique_NameToldOnceInEachDocument_Counts()
    {
        var (en, vi) = DocumentKeys.WithUniqueKeys(
            Features("President Putin arrived in Hanoi.", "He was welcomed by Minister Bui Thanh Son."),
            Features("Tổng thống Putin đã tới Hà Nội.", "Bộ trưởng Bùi Thanh Sơn ra sân bay đón."));

        DocumentKeys.SharedUnique(en[1], vi[1]).Should().Be(1, "'Minister Bui Thanh Son' is one group, whatever keys it shares");
        DocumentKeys.SharedUnique(en[0], vi[0]).Should().Be(2, "Putin and Hanoi");
        DocumentKeys.SharedUnique(en[1], vi[0]).Should().Be(0);
    }

    [Test]
    public void SharedUnique_NameToldInEverySentence_DoesNotCount()
    {
        // Putin is named in both sentences of each side: his name marks no one place.
        var (en, vi) = DocumentKeys.WithUniqueKeys(
            Features("Putin arrived in Hanoi on June 19.", "Putin met students."),
            Features("Putin đã tới Hà Nội.", "Putin gặp sinh viên."));

        DocumentKeys.SharedUnique(en[1], vi[1]).Should().Be(0);
        DocumentKeys.SharedUnique(en[0], vi[0]).Should().Be(1, "only 'Hanoi' ↔ 'Hà Nội' is told once on each side (19 has no counterpart)");
    }

    [Test]
    public void SharedUnique_NumberToldOnceOnEachSide_Counts()
    {
        var (en, vi) = DocumentKeys.WithUniqueKeys(
            Features("Trade reached 88 billion USD.", "It rose by 22 percent."),
            Features("Kim ngạch đạt 88 tỷ USD.", "Mức tăng là 22%."));

        DocumentKeys.SharedUnique(en[0], vi[0]).Should().Be(2, "88 and USD");
        DocumentKeys.SharedUnique(en[1], vi[1]).Should().Be(1);
        DocumentKeys.SharedUnique(en[1], vi[0]).Should().Be(0);
    }

    [Test]
    public void WithUniqueKeys_Furniture_GetsNoKeysAndDoesNotCount()
    {
        var english = Features("Share on Hanoi Times", "The guests reached Hanoi.");
        english[0] = new SentenceFeatures(english[0]) { IsFurniture = true };

        var (en, vi) = DocumentKeys.WithUniqueKeys(english, Features("Khách đã tới Hà Nội."));

        en[0].UniqueKeys.Should().BeEmpty();
        DocumentKeys.SharedUnique(en[1], vi[0]).Should().Be(1, "the furniture's 'Hanoi' does not make the name common");
    }

    [Test]
    public void WithUniqueKeys_Empty_GivesEmpty()
    {
        var (en, vi) = DocumentKeys.WithUniqueKeys([], []);

        en.Should().BeEmpty();
        vi.Should().BeEmpty();
    }

    [Test]
    public void SharedUnique_NotAnnotated_IsZero()
    {
        var en = FeatureExtractor.Extract("President Putin arrived.");

        DocumentKeys.SharedUnique(en, FeatureExtractor.Extract("Ông Putin đã tới.")).Should().Be(0);
    }

    [Test]
    public void Combine_KeepsTheUniqueKeysOfBothSentences()
    {
        var (en, vi) = DocumentKeys.WithUniqueKeys(
            Features("President Putin arrived.", "Minister Lavrov came too."),
            Features("Ông Putin và ông Lavrov đã tới."));

        DocumentKeys.SharedUnique(SentenceFeatures.Combine(en[0], en[1]), vi[0]).Should().Be(2);
    }
}
