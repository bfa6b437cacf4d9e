using Aligner.Alignment;
using Aligner.Input;
using Aligner.Segmentation;
using Aligner.Tests.Alignment;
using Aligner.Tests.Support;
using Aligner.Text;
using FluentAssertions;

namespace Aligner.Tests.EndToEnd;

/// <summary>
/// Aligns the Hanoi Times English report (seed 000) with the VietnamPlus Vietnamese report of the same story
/// (seed 004). Expectations are what a bilingual reader holds; those the aligner does not meet yet are kept,
/// marked explicit with the reason, so that they can be run by hand and turned on when they pass.
/// </summary>
[TestFixture]
public sealed class SeedAlignmentTests
{
    private const string NotYet = "Known aligner miss, reported to the library owner; run by hand to check a fix.";

    private DocumentAlignment alignment = null!;

    [OneTimeSetUp]
    public void AlignSeeds()
    {
        alignment = Bitext.AlignFiles(Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport));
    }

    [Test]
    public void Align_Seeds_EverySentenceInExactlyOneBead()
    {
        BeadAlignerTests.CheckBeads(alignment.Beads, alignment.EnglishSentences.Count, alignment.VietnameseSentences.Count);
        alignment.EnglishSentences.Should().HaveCountGreaterThan(30);
        alignment.VietnameseSentences.Should().HaveCountGreaterThan(30);
    }

    [Test]
    public void Align_Seeds_OffsetsInRangeAndTextEqualsSlice()
    {
        CheckSentences(alignment.English, alignment.EnglishSentences);
        CheckSentences(alignment.Vietnamese, alignment.VietnameseSentences);
        foreach (var bead in alignment.Beads)
        {
            Check(alignment.English, alignment.EnglishRange(bead), bead.EnglishCount);
            Check(alignment.Vietnamese, alignment.VietnameseRange(bead), bead.VietnameseCount);
        }

        static void Check(SourceText source, TextRange? range, int count)
        {
            if (count == 0)
            {
                range.Should().BeNull();
                return;
            }

            range.Should().NotBeNull();
            range!.Value.Start.Should().BeInRange(0, source.Text.Length);
            range.Value.End.Should().BeInRange(range.Value.Start + 1, source.Text.Length);
        }
    }

    [Test]
    public void Align_Seeds_SourcesAreTheFilesUnchanged()
    {
        alignment.English.Text.Should().Be(File.ReadAllText(Seeds.PathOf(Seeds.EnglishReport)));
        alignment.Vietnamese.Text.Should().Be(File.ReadAllText(Seeds.PathOf(Seeds.VietnameseReport)));
        alignment.Vietnamese.Text.Should().Contain("\u00A0", "offsets point into the original, no-break spaces included");
    }

    // Main story: each English sentence and a fragment of the Vietnamese sentence that translates it.
    [TestCase("In January-August 2024, the Vietnam-US bilateral trade rose 22% on-year to nearly US$88 billion.",
        "88 tỷ USD, tăng 22%")] // numbers on both sides
    [TestCase("The Vietnamese delegates were welcomed by Nguyen Quoc Dung",
        "Nguyễn Quốc Dũng")] // the welcome sentence: names on both sides
    [TestCase("The UN has accompanied Vietnam in post-war reconstruction",
        "Liên hợp quốc đã đồng hành cùng Việt Nam")] // the UN's support
    [TestCase("Vietnam has been a proactive UN member", "Việt Nam tham gia ngày càng chủ động")] // Vietnam's role in the UN
    [TestCase("To the global community, Vietnam is a highly regarded and trusted member",
        "Việt Nam cũng được cộng đồng quốc tế tín nhiệm")] // trust of the international community
    [TestCase("The nation is highly valued by the UN leaders", "Lãnh đạo Liên hợp quốc luôn đánh giá cao")] // UN leaders
    [TestCase("For nearly 50 years, the Vietnam-UN relations have grown strongly.", "Sau gần 50 năm")] // fifty years
    [TestCase("Meanwhile, after one year of implementing the Comprehensive Strategic Partnership",
        "Trong khi đó, quan hệ Việt Nam-Hoa Kỳ sau một năm")] // one year of partnership
    [TestCase("Economic, trade, and investment cooperation remains a key driving force",
        "Lĩnh vực kinh tế- thương mại-đầu tư tiếp tục là xung lực")] // the economy as a driving force
    [TestCase("Security and defense cooperation has also been effectively expanded",
        "Hợp tác an ninh-quốc phòng tiếp tục được triển khai hiệu quả")] // security and defence
    [TestCase("Both sides also commit to discussing solutions", "Với những vấn đề còn khác biệt")] // remaining differences
    [TestCase("At this UN summit, General Secretary and State President Lam will deliver",
        "sẽ đem tới những thông điệp lớn")] // messages at the summit
    [TestCase("Vietnam’s top leader will also hold talks with the US government leaders",
        "tiếp xúc song phương quan trọng với lãnh đạo chính quyền Hoa Kỳ")] // talks with the US government
    [TestCase("Lam’s trip is an opportunity to reaffirm", "Đây là dịp để Việt Nam một lần nữa khẳng định")] // the trip as an opportunity
    [TestCase("Lam and the Vietnamese delegation are about to attend the United Nations (UN) Summit of the Future",
        "Hội nghị Thượng đỉnh Tương lai")]
    [TestCase("This is the first overseas business trip to the US for General Secretary",
        "Đây là chuyến công tác tham dự hoạt động đối ngoại đa phương")]
    [TestCase("This is also the first time a Vietnamese General Secretary and State President attended a UN summit in person.",
        "lần đầu tiên một Tổng Bí thư, Chủ tịch nước Việt Nam tham dự trực tiếp")]
    [TestCase("He will also hold bilateral meetings with leaders of international organizations",
        "Đồng thời, Tổng Bí thư, Chủ tịch nước sẽ có các cuộc gặp gỡ")]
    [TestCase("Vietnam is committed to being a reliable partner",
        "là đối tác tin cậy và là thành viên có trách nhiệm")]
    [TestCase("General Secretary and President To Lam arrives in the US for UNGA 79",
        "Tổng Bí thư, Chủ tịch nước đến New York dự tuần lễ cấp cao Đại hội đồng LHQ", Explicit = true, Reason = NotYet + " The headlines are not paired: the Vietnamese one is 0-1, the English one is joined to the breadcrumb line.")]
    public void Align_Seeds_MainStoryPairsUp(string english, string vietnamese)
    {
        var bead = BeadOfEnglish(english);

        bead.Kind.Should().NotBe(BeadKind.OneToZero, "\"{0}\" has a translation", english);
        alignment.VietnameseRange(bead)!.Value.Substring(alignment.Vietnamese.Text).Should().Contain(vietnamese);
    }

    // Navigation and related-news lines of the English page that have no counterpart in the Vietnamese page.
    [TestCase("Read The Hanoi Times to keep up to date with developments in Vietnam.")] // a teaser
    [TestCase("Vietnam news in brief - September 27")] // a related-news headline
    [TestCase("15:18, 2024/09/27")] // a time stamp
    [TestCase("Vietnamese Party Chief and President arrives in Havana for Cuba’s visit")] // a related-news headline
    [TestCase("Cuba holds grand welcome ceremony for General Secretary and President To Lam")]
    [TestCase("The visit reinforces Vietnam’s dedication to upholding and strengthening")]
    [TestCase("SpaceX plans to invest US$1.5 Billion in Vietnam")]
    [TestCase("SpaceX saw Vietnam as a highly promising market")]
    [TestCase("Vietnam, US align on shared vision for future")]
    [TestCase("President Joe Biden reaffirmed US support")]
    public void Align_Seeds_EnglishRelatedNewsIsOneToZero(string english)
    {
        BeadOfEnglish(english).Kind.Should().Be(BeadKind.OneToZero);
    }

    // Related-news lines of the Vietnamese page that have no counterpart in the English page.
    [TestCase("UBND tỉnh Hà Tĩnh vừa ban hành Kế hoạch cải cách hành chính")] // a teaser
    [TestCase("Hà Tĩnh được vinh danh tại Giải báo chí Diên Hồng")] // a headline
    [TestCase("Năm 2025 về trong niềm tin và kỳ vọng!")] // a teaser
    [TestCase("Ngày 6/1/1946, cuộc Tổng tuyển cử đầu tiên")]
    [TestCase("Thạch Hà kiện toàn chức danh chủ chốt HĐND và UBND huyện")]
    public void Align_Seeds_VietnameseRelatedNewsIsZeroToOne(string vietnamese)
    {
        var beads = BeadsOfVietnamese(vietnamese);

        beads.Should().NotBeEmpty().And.OnlyContain(b => b.Kind == BeadKind.ZeroToOne);
    }

    [Test]
    public void Align_Seeds_TradeFigureBeadIsConfident()
    {
        var bead = BeadOfEnglish("22% on-year to nearly US$88 billion");

        bead.Kind.Should().Be(BeadKind.OneToOne);
        bead.Score.Should().BeGreaterThan(0.9);
    }

    [Test]
    public void Align_SeedsWithCancelledToken_ThrowsOperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var act = () => AlignmentPipeline.Default.Align(alignment.English, alignment.Vietnamese, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public void Align_SameSeedTwice_IsDeterministic()
    {
        var again = Bitext.AlignFiles(Seeds.PathOf(Seeds.EnglishReport), Seeds.PathOf(Seeds.VietnameseReport));

        again.Beads.Should().Equal(alignment.Beads);
    }

    [Test]
    public void Align_RelatedEnglishSeeds_EverySentenceInExactlyOneBead()
    {
        // Seeds 001 and 003 mix English and Vietnamese; whatever the aligner makes of them, the result is complete (comparable pairs may cross).
        foreach (var (en, vi) in new[] { (Seeds.RelatedEnglishReport, Seeds.VietnameseReport), (Seeds.MixedPage, Seeds.MixedPageWithCaptions), (Seeds.EnglishReport, Seeds.MixedPage) })
        {
            var result = Bitext.AlignFiles(Seeds.PathOf(en), Seeds.PathOf(vi));

            ComparableLinkerTests.CheckCover(result.Beads, result.EnglishSentences.Count, result.VietnameseSentences.Count);
            CheckSentences(result.English, result.EnglishSentences);
            CheckSentences(result.Vietnamese, result.VietnameseSentences);
        }
    }

    [Test]
    public void Align_Strings_DocumentedExampleGivesOneToOneBeads()
    {
        var result = Bitext.Align("The UN met on 21/9. It agreed on 88 items.", "LHQ đã họp ngày 21/9. LHQ đã đồng ý 88 mục.");

        result.Beads.Select(b => b.Kind).Should().Equal(BeadKind.OneToOne, BeadKind.OneToOne);
        result.English.Name.Should().Be("en");
        result.Vietnamese.Name.Should().Be("vi");
    }

    [Test]
    public void Align_EmptyStrings_GiveNoBeads()
    {
        Bitext.Align("", "").Beads.Should().BeEmpty();
    }

    private Bead BeadOfEnglish(string fragment)
    {
        var index = IndexOf(alignment.English, alignment.EnglishSentences, fragment);
        return alignment.Beads.Single(b => b.EnglishStart <= index && index < b.EnglishStart + b.EnglishCount);
    }

    private List<Bead> BeadsOfVietnamese(string fragment)
    {
        var text = alignment.Vietnamese.Text;
        var indices = Enumerable.Range(0, alignment.VietnameseSentences.Count)
            .Where(k => alignment.VietnameseSentences[k].Range.Substring(text).Contains(fragment, StringComparison.Ordinal))
            .ToList();
        indices.Should().NotBeEmpty("\"{0}\" is a Vietnamese sentence of the seed", fragment);
        return indices.Select(k => alignment.Beads.Single(b => b.VietnameseStart <= k && k < b.VietnameseStart + b.VietnameseCount)).ToList();
    }

    private static int IndexOf(SourceText source, IReadOnlyList<Sentence> sentences, string fragment)
    {
        var matches = Enumerable.Range(0, sentences.Count)
            .Where(k => sentences[k].Range.Substring(source.Text).Contains(fragment, StringComparison.Ordinal))
            .ToList();
        matches.Should().ContainSingle("\"{0}\" is in exactly one sentence of {1}", fragment, source.Name);
        return matches[0];
    }

    private static void CheckSentences(SourceText source, IReadOnlyList<Sentence> sentences)
    {
        var previousEnd = 0;
        foreach (var sentence in sentences)
        {
            var r = sentence.Range;
            r.Start.Should().BeGreaterThanOrEqualTo(previousEnd);
            r.End.Should().BeGreaterThan(r.Start).And.BeLessThanOrEqualTo(source.Text.Length);
            var slice = r.Substring(source.Text);
            Blank.IsBlank(slice[0]).Should().BeFalse(slice);
            Blank.IsBlank(slice[^1]).Should().BeFalse(slice);
            slice.Should().NotContainAny(["\n", "\r"], "a sentence stays inside its line");
            previousEnd = r.End;
        }
    }
}
