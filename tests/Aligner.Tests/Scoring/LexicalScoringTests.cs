using Aligner.Detection;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Preparation;
using Aligner.Scoring;
using FluentAssertions;

namespace Aligner.Tests.Scoring;

[TestFixture]
public sealed class LexicalScoringTests
{
    private static SentenceFeatures English(string text) => new DocumentPreparer(null, null, Lexicon.Default).Prepare(text, DetectedLanguage.English).Features.Aggregate(SentenceFeatures.Combine);

    private static SentenceFeatures Vietnamese(string text) => new DocumentPreparer(null, null, Lexicon.Default).Prepare(text, DetectedLanguage.Vietnamese).Features.Aggregate(SentenceFeatures.Combine);

    [Test]
    public void Default_ModelCombinesLexicalEvidence()
    {
        ScorerModel.Default.Weights.Should().HaveCount(PairScorer.FeatureNames.Count);
        ScorerModel.Default.EnglishWordCovered.Should().BeGreaterThan(ScorerModel.Default.EnglishWordCoveredByChance);
    }

    [Test]
    public void Default_FunctionWordsAreCoveredByChanceMoreOften()
    {
        var lexicon = Lexicon.Default;
        lexicon.HasChanceRates.Should().BeTrue();
        ScorerModel.Default.EnglishWordChanceScale.Should().BeGreaterThan(0);
        ScorerModel.Default.VietnameseWordChanceScale.Should().BeGreaterThan(0);

        lexicon.EnglishChance(lexicon.EnglishId(Aligner.Tokenization.LexicalTokenizer.EnglishWords("have")[0])).Should().BeGreaterThan(5 * lexicon.EnglishChance(lexicon.EnglishId(Aligner.Tokenization.LexicalTokenizer.EnglishWords("government")[0])));
        lexicon.VietnameseChance(lexicon.VietnameseId("có")).Should().BeGreaterThan(5 * lexicon.VietnameseChance(lexicon.VietnameseId("chính_phủ")));
    }

    // Only function words in common ("have" → "có", "it" → "nó"): weaker evidence than a real translation of the same length.
    [Test]
    public void Score_FunctionWordsAlone_ScoreBelowATranslation()
    {
        var scorer = PairScorer.Default;

        var chance = scorer.Score(English("You could have done better."), Vietnamese("Nó có tên gọi Nunavut."));
        var translation = scorer.Score(English("You could have done better."), Vietnamese("Bạn đã có thể làm tốt hơn."));

        chance.Should().BeLessThan(translation - 2);
    }

    // Same lengths, no numbers or names: only the words can tell these apart.
    [TestCase("The children are playing in the garden.", "Bọn trẻ đang chơi trong vườn.", "Giá xăng lại tăng mạnh.")]
    [TestCase("My father works at the hospital.", "Bố tôi làm việc ở bệnh viện.", "Cô ấy thích đọc sách cũ.")]
    [TestCase("The weather will be cold tomorrow.", "Ngày mai thời tiết sẽ lạnh.", "Họ đã bán căn nhà rồi.")]
    public void Score_WordsDecideBetweenEqualLengthCandidates(string english, string translation, string unrelated)
    {
        var scorer = PairScorer.Default;

        scorer.Score(English(english), Vietnamese(translation)).Should().BeGreaterThan(0);
        scorer.Score(English(english), Vietnamese(unrelated)).Should().BeLessThan(0);
    }

    [Test]
    public void Score_HugeSpans_StayFinite()
    {
        var big = string.Join(' ', Enumerable.Repeat("water school government", 20000));
        var score = PairScorer.Default.Score(English(big), Vietnamese("nước"));

        double.IsFinite(score).Should().BeTrue();
    }

    [Test]
    public void Align_PageFurnitureOnBothSides_IsNeverPaired()
    {
        const string en = "Home / News / World\n\nShare this article\n\nThe children are playing in the garden.\n\nMy father works at the hospital.\n\nRELATED NEWS\n\nPrices of petrol rise again";
        const string vi = "Trang chủ / Tin tức / Thế giới\n\nChia sẻ bài viết\n\nBọn trẻ đang chơi trong vườn.\n\nBố tôi làm việc ở bệnh viện.\n\nTIN LIÊN QUAN\n\nGiá xăng lại tăng mạnh";

        var alignment = AlignmentPipeline.Default.Align(new SourceText(en, "en.txt"), new SourceText(vi, "vi.txt"));

        var paired = alignment.Beads.Where(b => b.Kind is not (BeadKind.OneToZero or BeadKind.ZeroToOne)).ToList();
        paired.Should().HaveCount(2);
        paired.Select(b => b.Kind).Should().OnlyContain(k => k == BeadKind.OneToOne);
    }
}

[TestFixture]
public sealed class NameAliasTests
{
    private static SentenceFeatures Features(string text) => FeatureExtractor.Extract(text);

    [TestCase("The UN chief met him.", "Tổng Thư ký LHQ đã gặp ông.")]
    [TestCase("The United Nations chief met him.", "Tổng Thư ký Liên hợp quốc đã gặp ông.")]
    [TestCase("The UN chief met him.", "Tổng Thư ký Liên Hợp Quốc đã gặp ông.")]
    [TestCase("The US delegation arrived.", "Phái đoàn Mỹ đã đến.")]
    [TestCase("The US delegation arrived.", "Phái đoàn Hoa Kỳ đã đến.")]
    [TestCase("The United States delegation arrived.", "Phái đoàn Hoa Kỳ đã đến.")]
    [TestCase("He flew to China and Japan.", "Ông bay tới Trung Quốc và Nhật Bản.")]
    public void SharedNames_TranslatedNames_Match(string english, string vietnamese)
    {
        var (foundEn, foundVi) = AnchorMatching.SharedNames(Features(english), Features(vietnamese));

        foundEn.Should().BeGreaterThan(0);
        foundVi.Should().BeGreaterThan(0);
    }

    [TestCase("The UN chief met him.", "Phái đoàn Mỹ đã đến.")]
    [TestCase("My friend Liên came.", "Bạn tôi là Liên.")] // "Liên" alone is a given name, not the UN
    public void SharedNames_DifferentEntities_DoNotMatchByAlias(string english, string vietnamese)
    {
        var en = Features(english);
        var vi = Features(vietnamese);

        var viaAlias = AnchorMatching.SharedNames(en, vi);
        var (foundEn, _) = viaAlias;
        if (english.Contains("UN"))
        {
            foundEn.Should().Be(0);
        }
        else
        {
            vi.NameGroups.Should().Be(1);
            foundEn.Should().Be(1, "the given name matches itself, not through an alias");
        }
    }
}
