using Aligner.Restoration;
using Aligner.Alignment;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Preparation;
using Aligner.Scoring;
using Aligner.Text;
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
        var pipeline = AlignmentPipeline.Create(preparer: new DocumentPreparer(detector: null, restorer: null, Lexicon.Default));

        var alignment = pipeline.Align(new SourceText(English, "en.txt"), new SourceText(vietnamese, "vi.txt"));

        alignment.Beads.Count(b => b.Kind == BeadKind.OneToOne).Should().Be(3, "names and length alone pair the teaser with its accented twin");
    }

    [Test]
    public void Prepare_UnaccentedVietnamese_IsScoredOnItsRestoredView()
    {
        const string bare = "Chinh phu se xay mot truong hoc moi cho tre em.";
        var detector = LanguageDetector.Default;

        var prepared = new DocumentPreparer(detector, DiacriticRestorer.Default, Lexicon.Default).Prepare(bare, DetectedLanguage.Vietnamese);
        var (sentences, restored) = (prepared.Sentences, prepared.Features);
        var plain = new DocumentPreparer(detector, restorer: null, Lexicon.Default).Prepare(bare, DetectedLanguage.Vietnamese).Features;

        sentences.Should().ContainSingle().Which.Range.Should().Be(new TextRange(0, bare.Length), "offsets stay those of the original");
        var english = new DocumentPreparer(null, null, Lexicon.Default).Prepare("The government will build a new school for the children.", DetectedLanguage.English).Features[0];
        var scorer = PairScorer.Default;
        scorer.Score(english, restored[0]).Should().BeGreaterThan(scorer.Score(english, plain[0]));
    }
}
