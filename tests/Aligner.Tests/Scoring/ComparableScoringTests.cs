using Aligner.Scoring;
using FluentAssertions;

namespace Aligner.Tests.Scoring;

/// <summary>The scorer for comparable text: two outlets retelling one statement in their own words.</summary>
[TestFixture]
public sealed class ComparableScoringTests
{
    private static readonly PairScorer Comparable = PairScorer.Default.ForComparableText();

    private static SentenceFeatures English(string text) =>
        new(FeatureExtractor.Extract(text)) { Lexical = LexicalFeatures.English(text, Lexicon.Default) };

    private static SentenceFeatures Vietnamese(string text) =>
        new(FeatureExtractor.Extract(text)) { Lexical = LexicalFeatures.Vietnamese(text, Lexicon.Default) };

    [Test]
    public void ForComparableText_DefaultModel_IsComparableAndKeepsTheModel()
    {
        Comparable.IsComparable.Should().BeTrue();
        Comparable.Model.Should().BeSameAs(PairScorer.Default.Model);
        PairScorer.Default.IsComparable.Should().BeFalse();
        Comparable.ForComparableText().Should().BeSameAs(Comparable);
    }

    [Test]
    public void ForComparableText_ModelWithoutComparableWeights_GivesTheTranslationScorer()
    {
        var scorer = new PairScorer(ScorerModel.Default with { ComparableWeights = [] });

        scorer.ForComparableText().Should().BeSameAs(scorer);
        scorer.ForComparableText().IsComparable.Should().BeFalse();
    }

    // Seeds 001 (Lao Dong, English) and 004 (VietnamPlus): the same statements, each outlet in its own words.
    [TestCase(
        "Third, security and defense cooperation continues to be effectively implemented, in which cooperation in overcoming the consequences of war is a bright spot.",
        "Hợp tác an ninh-quốc phòng tiếp tục được triển khai hiệu quả, trong đó, hợp tác khắc phục hậu quả chiến tranh là điểm sáng.",
        "Lĩnh vực kinh tế- thương mại-đầu tư tiếp tục là xung lực quan trọng cho quan hệ hai nước.")]
    [TestCase(
        "Bilateral trade turnover in the first 8 months of 2024 reached nearly 88 billion USD, up 22%.",
        "Trong 8 tháng đầu năm 2024, kim ngạch thương mại song phương đạt gần 88 tỷ USD, tăng 22%.",
        "Sau gần 50 năm, mối quan hệ giữa Việt Nam và Liên hợp quốc tiếp tục phát triển tích cực.")]
    public void Score_RetoldStatement_LinkedAboveEvenOddsAndAboveANeighbour(string english, string retold, string neighbour)
    {
        var en = English(english);
        var good = PairScorer.Probability(Comparable.Score(en, Vietnamese(retold)));
        var bad = PairScorer.Probability(Comparable.Score(en, Vietnamese(neighbour)));

        good.Should().BeGreaterThan(0.5);
        bad.Should().BeLessThan(0.5);
    }

    [Test]
    public void DefaultModel_ContradictingNumber_WeighsMoreThanAMissingOne()
    {
        var weights = ScorerModel.Default.ComparableWeights;
        var names = PairScorer.ComparableFeatureNames.ToList();

        weights[names.IndexOf("contradicting numbers")].Should().BeLessThan(weights[names.IndexOf("numbers on one side")]);
        weights[names.IndexOf("numbers on one side")].Should().BeLessThan(0);
        weights[names.IndexOf("shared numbers")].Should().BeGreaterThan(0);
    }

    [Test]
    public void Score_Comparable_IsTheSurerOfTranslationAndRetelling()
    {
        var en = English("SpaceX plans to invest US$1.5 billion in Vietnam.");
        var vi = Vietnamese("SpaceX dự kiến đầu tư 1,5 tỷ USD vào Việt Nam.");
        var link = PairScorer.Default.LinkProbability(en, vi);

        Comparable.Score(en, vi).Should().BeApproximately(Math.Max(PairScorer.Default.Score(en, vi), Math.Log(link / (1 - link))), 1e-9);
    }

    // The factor the model file states is the one the scores are scaled by: log-odds proportional to it.
    [TestCase(0.05)]
    [TestCase(0.115)] // the shipped model's
    [TestCase(0.5)]
    public void LinkProbability_ScaledByTheCalibrationReadFromTheModelFile(double calibration)
    {
        var en = English("Bilateral trade turnover in the first 8 months of 2024 reached nearly 88 billion USD, up 22%.");
        var vi = Vietnamese("Trong 8 tháng đầu năm 2024, kim ngạch thương mại song phương đạt gần 88 tỷ USD, tăng 22%.");
        var unscaled = Logit(new PairScorer(ScorerModel.Default with { ComparableCalibration = 1 }).LinkProbability(en, vi));
        using var saved = new MemoryStream();
        (ScorerModel.Default with { ComparableCalibration = calibration }).Save(saved);
        saved.Position = 0;
        var scorer = new PairScorer(ScorerModel.Load(saved));

        var link = Logit(scorer.LinkProbability(en, vi));
        var score = scorer.ForComparableText().Score(en, vi);

        unscaled.Should().BeGreaterThan(1, "the pair is a translation, linked at any calibration");
        link.Should().BeApproximately(calibration * unscaled, 1e-6 * unscaled);
        score.Should().BeApproximately(Math.Max(calibration * unscaled, scorer.Score(en, vi)), 1e-6 * unscaled);
        if (calibration == 0.115)
        {
            scorer.LinkProbability(en, vi).Should().Be(PairScorer.Default.LinkProbability(en, vi), "the shipped model states 0.115");
        }
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Test]
    public void LinkProbability_Furniture_IsZero()
    {
        var en = new SentenceFeatures(English("Share this article")) { IsFurniture = true };

        PairScorer.Default.LinkProbability(en, Vietnamese("Chia sẻ bài viết")).Should().Be(0);
    }

    [Test]
    public void ComparableFeatures_AreFiniteAndInOrderOfTheirNames()
    {
        var x = new double[PairScorer.ComparableFeatureNames.Count];
        Comparable.ComparableFeatures(English("Trade rose 22% in 2024, Mr. Lam said."), Vietnamese("Ông Lâm cho biết thương mại tăng 35%."), x);

        x.Should().OnlyContain(v => double.IsFinite(v));
        x[1].Should().Be(0, "no number is shared");
        x[2].Should().Be(1, "22 and 35 contradict each other");
        x[3].Should().Be(1, "2024 has no counterpart at all");
    }

    [Test]
    public void ComparableFeatures_WordsAddedByARetelling_CostTheCoverageButNotTheWordsFound()
    {
        var names = PairScorer.ComparableFeatureNames.ToList();
        var vi = Vietnamese("Kim ngạch thương mại song phương đạt gần 88 tỷ USD.");
        var plain = new double[names.Count];
        var added = new double[names.Count];
        Comparable.ComparableFeatures(English("Bilateral trade reached nearly 88 billion USD."), vi, plain);
        Comparable.ComparableFeatures(English("Bilateral trade reached nearly 88 billion USD, the minister told reporters after the meeting."), vi, added);

        plain[names.IndexOf("english words found")].Should().BeGreaterThan(0);
        added[names.IndexOf("english words found")].Should().BeGreaterThanOrEqualTo(plain[names.IndexOf("english words found")]);
        added[names.IndexOf("english words")].Should().BeLessThan(plain[names.IndexOf("english words")], "each word not found costs the coverage");
    }

    [Test]
    public void LinkProbability_AnchorToldOnceInBothDocuments_RaisesTheLink()
    {
        SentenceFeatures[] english = [English("The Chinese leader was welcomed at Noi Bai airport."), English("The welcome ceremony was held with a 21-gun salute.")];
        SentenceFeatures[] vietnamese = [Vietnamese("Lễ đón được tổ chức trọng thể với 21 phát đại bác."), Vietnamese("Nhà lãnh đạo Trung Quốc được đón tại sân bay Nội Bài.")];
        var (en, vi) = DocumentKeys.WithUniqueKeys(english, vietnamese);

        PairScorer.Default.LinkProbability(en[1], vi[0]).Should().BeGreaterThan(PairScorer.Default.LinkProbability(english[1], vietnamese[0]));
        ScorerModel.Default.ComparableWeights[PairScorer.ComparableFeatureNames.ToList().IndexOf("anchors told once in both documents")].Should().BeGreaterThan(0);
    }

    [Test]
    public void Validate_ComparableWeightsOfWrongLength_Throws()
    {
        var act = () => (ScorerModel.Default with { ComparableWeights = [1, 2] }).Validate();

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(nameof(ScorerModel.ComparableWeights));
    }

    [Test]
    public void Validate_ComparableWeightsWithoutTranslationWeights_Throws()
    {
        var act = () => (ScorerModel.Default with { Weights = [] }).Validate();

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void SaveLoad_ComparableWeights_RoundTrip()
    {
        using var stream = new MemoryStream();
        ScorerModel.Default.Save(stream);
        stream.Position = 0;

        var loaded = ScorerModel.Load(stream);

        loaded.ComparableWeights.Should().Equal(ScorerModel.Default.ComparableWeights);
        loaded.ComparableBias.Should().Be(ScorerModel.Default.ComparableBias);
        loaded.Should().Be(ScorerModel.Default);
    }
}
