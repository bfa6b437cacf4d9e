using Aligner.Alignment;
using Aligner.Input;
using FluentAssertions;

namespace Aligner.Tests.EndToEnd;

[TestFixture]
public sealed class GluedSentenceTests
{
    // A headline run into its paragraph without punctuation, as pages copied to text often are; the Vietnamese keeps
    // them apart. The sentence splitter cannot see the boundary ("tour Heavy"); the translation can.
    private const string English =
        "The government will build a new school for the children.\n\n" +
        "Storm floods the northern provinces Heavy rain caused the rivers to rise across the region on Sunday.\n\n" +
        "My father works at the hospital in the city centre.";

    private const string Vietnamese =
        "Chính phủ sẽ xây một trường học mới cho trẻ em.\n\n" +
        "Bão gây lũ ở các tỉnh phía bắc\n\n" +
        "Mưa lớn khiến nước sông dâng cao khắp khu vực vào Chủ nhật.\n\n" +
        "Bố tôi làm việc ở bệnh viện ở trung tâm thành phố.";

    [Test]
    public void Align_HeadlineGluedToItsParagraph_IsSplitIntoTwoPairs()
    {
        var alignment = AlignmentPipeline.Default.Align(new SourceText(English, "en.txt"), new SourceText(Vietnamese, "vi.txt"));

        alignment.Beads.Should().OnlyContain(b => b.Kind == BeadKind.OneToOne, string.Join(", ", alignment.Beads));
        alignment.EnglishSentences.Should().HaveCount(4);
        alignment.EnglishSentences[1].Range.Substring(English).Should().Be("Storm floods the northern provinces");
        alignment.EnglishSentences[2].Range.Substring(English).Should().Be("Heavy rain caused the rivers to rise across the region on Sunday.");
        alignment.Beads[2].Score.Should().BeGreaterThan(0.5);
    }

    [Test]
    public void Align_LongTextWithManyGluedHeadlines_SplitsEachOne()
    {
        // Over 1,024 beads the cuts are decided on all cores: every copy of the glued headline is still cut where it was.
        const int copies = 400;
        var english = string.Join("\n\n", Enumerable.Repeat(English, copies));
        var vietnamese = string.Join("\n\n", Enumerable.Repeat(Vietnamese, copies));

        var alignment = AlignmentPipeline.Default.Align(new SourceText(english, "en.txt"), new SourceText(vietnamese, "vi.txt"));

        alignment.Beads.Count.Should().BeGreaterThan(1024);
        alignment.EnglishSentences.Should().HaveCount(4 * copies);
        alignment.EnglishSentences.Count(s => s.Range.Substring(english) == "Storm floods the northern provinces").Should().Be(copies);
        alignment.Beads.Should().OnlyContain(b => b.Kind == BeadKind.OneToOne);
    }

    [Test]
    public void Align_StrangerGluedToATranslatedSentence_StandsAloneAsOneToZero()
    {
        // An unrelated headline glued to a sentence whose translation has no such part (1-1 bead): the stranger is
        // cut off and left unpaired.
        const string english =
            "The government will build a new school for the children.\n\n" +
            "Foreign buyers face a new tax on property Heavy rain caused the rivers to rise across the region on Sunday.\n\n" +
            "My father works at the hospital in the city centre.";
        const string vietnamese =
            "Chính phủ sẽ xây một trường học mới cho trẻ em.\n\n" +
            "Mưa lớn khiến nước sông dâng cao khắp khu vực vào Chủ nhật.\n\n" +
            "Bố tôi làm việc ở bệnh viện ở trung tâm thành phố.";

        var alignment = AlignmentPipeline.Default.Align(new SourceText(english, "en.txt"), new SourceText(vietnamese, "vi.txt"));

        alignment.EnglishSentences.Should().HaveCount(4, string.Join(", ", alignment.Beads));
        alignment.Beads.Select(b => b.Kind).Should().Equal(BeadKind.OneToOne, BeadKind.OneToZero, BeadKind.OneToOne, BeadKind.OneToOne);
        alignment.EnglishRange(alignment.Beads[1])!.Value.Substring(english).Should().Be("Foreign buyers face a new tax on property");
        alignment.EnglishRange(alignment.Beads[2])!.Value.Substring(english).Should().StartWith("Heavy rain");
    }

    [Test]
    public void Align_SplittingOff_KeepsTheOneToTwoBead()
    {
        var pipeline = AlignmentPipeline.Create(AlignmentOptions.Default with { SplitGluedSentences = false });

        var alignment = pipeline.Align(new SourceText(English, "en.txt"), new SourceText(Vietnamese, "vi.txt"));

        alignment.EnglishSentences.Should().HaveCount(3);
        alignment.Beads.Should().Contain(b => b.Kind == BeadKind.OneToTwo && b.EnglishStart == 1);
    }

    [Test]
    public void Align_OneSentenceTranslatedByTwo_IsNotCutBeforeAName()
    {
        const string english = "The minister met Nguyen Van Hung in Hanoi and they talked about the new school for two hours.";
        const string vietnamese = "Bộ trưởng đã gặp ông Nguyễn Văn Hùng tại Hà Nội. Hai người đã nói chuyện về trường học mới trong hai giờ.";

        var alignment = AlignmentPipeline.Default.Align(new SourceText(english, "en.txt"), new SourceText(vietnamese, "vi.txt"));

        alignment.EnglishSentences.Should().ContainSingle("names and the word after a preposition do not open sentences");
    }

    [Test]
    public void Align_VietnameseTitleInCapitals_IsNotCut()
    {
        // Seed 004: "... nâng cấp quan hệ lên Đối tác Chiến lược toàn diện, cũng như ..." is one sentence for two English ones.
        const string english = "The leader will attend the anniversary of upgrading the relationship to a Comprehensive Strategic Partnership. " +
            "He will also meet officials, business leaders and experts.";
        const string vietnamese = "Lãnh đạo sẽ dự lễ kỷ niệm một năm nâng cấp quan hệ lên Đối tác Chiến lược toàn diện, " +
            "cũng như gặp các quan chức, doanh nghiệp và chuyên gia.";

        var alignment = AlignmentPipeline.Default.Align(new SourceText(english, "en.txt"), new SourceText(vietnamese, "vi.txt"));

        alignment.VietnameseSentences.Should().ContainSingle("a capital inside a title does not open a sentence");
    }

    [Test]
    public void Align_Split_EverySentenceInOneBeadAndNoTextRewritten()
    {
        var alignment = AlignmentPipeline.Default.Align(new SourceText(English, "en.txt"), new SourceText(Vietnamese, "vi.txt"));

        var covered = alignment.Beads.Sum(b => b.EnglishCount);
        covered.Should().Be(alignment.EnglishSentences.Count);
        alignment.Beads.Sum(b => b.VietnameseCount).Should().Be(alignment.VietnameseSentences.Count);
        var ranges = alignment.EnglishSentences.Select(s => s.Range).ToList();
        ranges.Zip(ranges.Skip(1)).Should().OnlyContain(p => p.First.End <= p.Second.Start);
        string.Concat(ranges.Select(r => r.Substring(English))).Replace(" ", "")
            .Should().Be(English.Replace("\n", "").Replace(" ", ""));
    }
}
