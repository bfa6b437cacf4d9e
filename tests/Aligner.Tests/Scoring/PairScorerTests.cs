using Aligner.Scoring;
using FluentAssertions;

namespace Aligner.Tests.Scoring;

[TestFixture]
public sealed class PairScorerTests
{
    [TestCase(
        "In January-August 2024, the Vietnam-US bilateral trade rose 22% on-year to nearly US$88 billion.",
        "Trong 8 tháng đầu năm 2024, kim ngạch thương mại song phương đạt gần 88 tỷ USD, tăng 22%.",
        "Lĩnh vực kinh tế- thương mại-đầu tư tiếp tục là xung lực quan trọng cho quan hệ hai nước.")] // numbers carry it
    [TestCase(
        "The Vietnamese delegates were welcomed by Nguyen Quoc Dung, the Vietnamese Ambassador to the US Nguyen Quoc Dung, and Ambassador Dang Hoang Giang, Permanent Representative of Vietnam to the UN.",
        "Đón Tổng Bí thư, Chủ tịch nước và Phu nhân cùng đoàn đại biểu cấp cao Việt Nam tại Sân bay quốc tế J.F Kennedy có Đại sứ Việt Nam tại Hoa Kỳ Nguyễn Quốc Dũng và phu nhân; Đại sứ, Trưởng phái đoàn Việt Nam tại Liên hợp quốc Đặng Hoàng Giang cùng cán bộ, nhân viên Đại sứ quán và Phái đoàn.",
        "Hà Tĩnh được vinh danh tại Giải báo chí Diên Hồng")] // folded names carry it
    [TestCase(
        "To the global community, Vietnam is a highly regarded and trusted member and has successfully assumed many important positions at the UN.",
        "Việt Nam cũng được cộng đồng quốc tế tín nhiệm và đặt nhiều kỳ vọng, đã và đang đảm nhiệm thành công nhiều vị trí quan trọng tại Liên hợp quốc.",
        "Trong 8 tháng đầu năm 2024, kim ngạch thương mại song phương đạt gần 88 tỷ USD, tăng 22%.")] // lengths and "Vietnam" carry it
    [TestCase(
        "SpaceX plans to invest US$1.5 Billion in Vietnam",
        "SpaceX dự kiến đầu tư 1,5 tỷ USD vào Việt Nam",
        "Hà Tĩnh với cuộc tổng tuyển cử đầu tiên năm 1946")] // a headline and its translation against another headline
    public void Score_TranslationPair_ScoresAboveUnrelatedPair(string english, string translation, string unrelated)
    {
        var en = FeatureExtractor.Extract(english);
        var good = PairScorer.Default.Score(en, FeatureExtractor.Extract(translation));
        var bad = PairScorer.Default.Score(en, FeatureExtractor.Extract(unrelated));

        good.Should().BeGreaterThan(bad);
        good.Should().BeGreaterThan(0, "a translation is more likely than not");
        bad.Should().BeLessThan(0, "an unrelated sentence is less likely than not");
        PairScorer.Probability(good).Should().BeGreaterThan(0.5);
        PairScorer.Probability(bad).Should().BeLessThan(0.5);
    }

    [TestCase(0, 0.5)] // even odds
    [TestCase(1000, 1.0)] // overwhelming evidence for: exactly 1, no overflow
    [TestCase(-1000, 0.0)] // overwhelming evidence against: exactly 0, no overflow
    [TestCase(double.PositiveInfinity, 1.0)] // infinite evidence for
    [TestCase(double.NegativeInfinity, 0.0)] // infinite evidence against
    public void Probability_LogLikelihoodRatio_IsLogistic(double ratio, double expected)
    {
        PairScorer.Probability(ratio).Should().BeApproximately(expected, 1e-12);
    }

    [Test]
    public void Probability_IncreasingRatio_IsMonotoneInUnitInterval()
    {
        var previous = 0.0;
        for (var x = -50.0; x <= 50.0; x += 0.25)
        {
            var p = PairScorer.Probability(x);
            p.Should().BeInRange(0, 1).And.BeGreaterThanOrEqualTo(previous);
            previous = p;
        }
    }

    [TestCase(100, 99, 30)] // a third of the expected length
    [TestCase(100, 99, 300)] // three times the expected length
    [TestCase(20, 20, 60)] // short sentences too
    public void LengthScore_ExpectedLength_BeatsImplausibleLength(int english, int plausible, int implausible)
    {
        PairScorer.Default.LengthScore(english, plausible).Should().BeGreaterThan(PairScorer.Default.LengthScore(english, implausible));
        PairScorer.Default.LengthScore(english, plausible).Should().BeGreaterThan(0);
    }

    [TestCase(0, 0)] // empty sentences
    [TestCase(0, 10000)] // one empty side
    [TestCase(1_000_000, 1)] // absurd lengths
    public void LengthScore_ExtremeLengths_IsFinite(int english, int vietnamese)
    {
        double.IsFinite(PairScorer.Default.LengthScore(english, vietnamese)).Should().BeTrue();
    }

    [Test]
    public void Score_NullFeatures_ThrowsArgumentNullException()
    {
        var features = FeatureExtractor.Extract("Hà Nội");
        var en = () => PairScorer.Default.Score(null!, features);
        var vi = () => PairScorer.Default.Score(features, null!);

        en.Should().Throw<ArgumentNullException>();
        vi.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Constructor_NullModel_ThrowsArgumentNullException()
    {
        var act = () => new PairScorer(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Constructor_InvalidModel_ThrowsInvalidDataException()
    {
        var act = () => new PairScorer(ScorerModel.Default with { LengthRatio = -1 });

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Default_UsesDefaultModel()
    {
        PairScorer.Default.Model.Should().BeSameAs(ScorerModel.Default);
    }

    [Test]
    public void Score_SameFeaturesWithCustomModel_FollowsModel()
    {
        // A model in which Vietnamese is twice as long as English prefers the doubled length.
        var doubling = new PairScorer(ScorerModel.Default with { LengthRatio = 2.0 });

        doubling.LengthScore(100, 200).Should().BeGreaterThan(doubling.LengthScore(100, 100));
        PairScorer.Default.LengthScore(100, 100).Should().BeGreaterThan(PairScorer.Default.LengthScore(100, 200));
    }
}
