using Aligner.Alignment;
using Aligner.Detection;
using Aligner.IO;
using Aligner.Scoring;
using FluentAssertions;

namespace Aligner.Tests.EndToEnd;

[TestFixture]
public sealed class LanguageAwareAlignmentTests
{
    private const string English =
        "The government will build a new school for the children.\n\n" +
        "Thu tuong Chinh phu Pham Minh Chinh tiep Tong Thu ky Lien Hop Quoc tai New York.\n\n" +
        "My father works at the hospital in the city centre.";

    [Test]
    public void Align_VietnameseParagraphInTheEnglishFile_IsNeverPaired()
    {
        const string vietnamese =
            "Chính phủ sẽ xây một trường học mới cho trẻ em.\n\n" +
            "Thủ tướng Chính phủ Phạm Minh Chính tiếp Tổng Thư ký Liên Hợp Quốc tại New York.\n\n" +
            "Bố tôi làm việc ở bệnh viện ở trung tâm thành phố.";

        var alignment = AlignmentPipeline.Default.Align(new SourceText(English, "en.txt"), new SourceText(vietnamese, "vi.txt"));

        var teaser = alignment.Beads.Single(b => b.EnglishCount == 1 && b.EnglishStart == 1);
        teaser.Kind.Should().Be(BeadKind.OneToZero, "an unaccented Vietnamese teaser on the English page translates nothing");
        alignment.Beads.Count(b => b.Kind == BeadKind.OneToOne).Should().Be(2);
    }

    [Test]
    public void Align_WithoutLanguageDetection_TheSameIdenticalNamesPairUp()
    {
        const string vietnamese =
            "Chính phủ sẽ xây một trường học mới cho trẻ em.\n\n" +
            "Thủ tướng Chính phủ Phạm Minh Chính tiếp Tổng Thư ký Liên Hợp Quốc tại New York.\n\n" +
            "Bố tôi làm việc ở bệnh viện ở trung tâm thành phố.";
        var pipeline = AlignmentPipeline.Create(AlignmentOptions.Default with { DetectLanguage = false });

        var alignment = pipeline.Align(new SourceText(English, "en.txt"), new SourceText(vietnamese, "vi.txt"));

        alignment.Beads.Count(b => b.Kind == BeadKind.OneToOne).Should().Be(3, "names and length alone pair the teaser with its accented twin");
    }

    [Test]
    public void Prepare_UnaccentedVietnamese_IsScoredOnItsRestoredView()
    {
        const string bare = "Chinh phu se xay mot truong hoc moi cho tre em.";
        var detector = LanguageDetector.Default;

        var (sentences, restored) = AlignmentPipeline.Prepare(bare, AlignmentPipeline.Side.Vietnamese, Lexicon.Default, detector, restoreDiacritics: true);
        var (_, plain) = AlignmentPipeline.Prepare(bare, AlignmentPipeline.Side.Vietnamese, Lexicon.Default, detector, restoreDiacritics: false);

        sentences.Should().ContainSingle().Which.Range.Should().Be(new TextRange(0, bare.Length), "offsets stay those of the original");
        var english = AlignmentPipeline.Prepare("The government will build a new school for the children.", AlignmentPipeline.Side.English, Lexicon.Default).Features[0];
        var scorer = PairScorer.Default;
        scorer.Score(english, restored[0]).Should().BeGreaterThan(scorer.Score(english, plain[0]));
    }
}
