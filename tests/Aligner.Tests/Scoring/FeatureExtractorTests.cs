using Aligner.Scoring;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests.Scoring;

/// <summary>
/// The extractor is tested through what the scorer makes of its features, so that these tests hold whatever
/// the features look like inside: a Vietnamese sentence that shares an anchor with the English one must score
/// higher than a control sentence of the same length and shape that does not.
/// </summary>
[TestFixture]
public sealed class FeatureExtractorTests
{
    private const double Margin = 1.0; // in nats of log-likelihood ratio

    [TestCase("Exports reached 1,000.5 tonnes.", "Xuất khẩu đạt 1.000,5 tấn.", "Xuất khẩu đạt 2.300,7 tấn.")] // English and Vietnamese number notation
    [TestCase("Exports reached 1,000,000 tonnes.", "Xuất khẩu đạt 1.000.000 tấn.", "Xuất khẩu đạt 3.500.200 tấn.")] // thousands separators
    [TestCase("Trade rose to nearly US$88 billion.", "Thương mại đạt gần 88 tỷ USD.", "Thương mại đạt gần 87 tỷ USD.")] // a currency prefix does not hide the number
    [TestCase("Trade rose 22% on-year.", "Thương mại tăng 22%.", "Thương mại tăng 23%.")] // percentages
    [TestCase("He landed on September 21 afternoon.", "Ông đến chiều 21/9.", "Ông đến chiều 22/8.")] // an English month name against day/month
    [TestCase("He landed on September 21 afternoon.", "Ông đến chiều 21.9.", "Ông đến chiều 22.8.")] // against a dotted day.month
    [TestCase("The election was held on January 6, 1946.", "Ngày 06/01/1946 có bầu cử.", "Ngày 07/02/1947 có bầu cử.")] // leading zeros do not matter
    [TestCase("Ambassador Nguyen Quoc Dung arrived.", "Đại sứ Nguyễn Quốc Dũng đã đến.", "Đại sứ Trương Minh Hùng đã đến.")] // a name with and without diacritics
    [TestCase("Ambassador Dang Hoang Giang spoke.", "Đại sứ Đặng Hoàng Giang phát biểu.", "Đại sứ Lương Thanh Bình phát biểu.")] // đ folds to d in names
    [TestCase("Both Vietnam and Laos signed it.", "Cả Việt Nam và Lào đã ký.", "Cả Thái Lan và Lào đã ký.")] // a name written in one word against two
    [TestCase("The USD and NATO were named.", "USD và NATO được nêu tên.", "ABC và SEAO được nêu tên.")] // acronyms
    public void Extract_SharedAnchor_ScoresAboveControl(string english, string vietnamese, string control)
    {
        vietnamese.Length.Should().Be(control.Length, "the control differs only in its anchors");

        var shared = Score(english, vietnamese);
        var unshared = Score(english, control);

        shared.Should().BeGreaterThan(unshared + Margin);
    }

    [TestCase("Exports reached 1,000.5 tonnes.", "Exports reached 1.000,5 tonnes.")] // the two number notations are the same number
    [TestCase("Ambassador Nguyễn Quốc Dũng spoke.", "Ambassador Nguyen Quoc Dung spoke.")] // a name with and without diacritics
    [TestCase("Ambassador Đặng Hoàng Giang spoke.", "Ambassador Dang Hoang Giang spoke.")] // đ is d
    [TestCase("Trade reached 88 billion on 21/9.", "Trade reached 88 billion on 21.9.")] // slashed and dotted dates
    public void Extract_EquivalentWritings_ScoreLikeIdenticalText(string text, string equivalent)
    {
        text.Length.Should().Be(equivalent.Length);

        Score(text, equivalent).Should().BeApproximately(Score(equivalent, equivalent), 1e-9);
        Score(equivalent, text).Should().BeApproximately(Score(text, text), 1e-9);
    }

    [Test]
    public void Extract_LengthCountsCharactersNotSpaces_SameLengthScoresAlike()
    {
        // Extra spaces do not change the length the scorer sees.
        Score("abc def ghi", "xyz uvw rst").Should().BeApproximately(Score("abc   def ghi", "xyz uvw    rst"), 1e-9);
    }

    [Test]
    public void Extract_SeedTranslationPair_ScoresAboveMismatchedPair()
    {
        const string english = "In January-August 2024, the Vietnam-US bilateral trade rose 22% on-year to nearly US$88 billion.";
        const string translation = "Trong 8 tháng đầu năm 2024, kim ngạch thương mại song phương đạt gần 88 tỷ USD, tăng 22%.";
        const string mismatched = "Việt Nam cũng được cộng đồng quốc tế tín nhiệm và đặt nhiều kỳ vọng, đã và đang đảm nhiệm thành công nhiều vị trí quan trọng tại Liên hợp quốc.";

        Score(english, translation).Should().BeGreaterThan(Score(english, mismatched) + Margin);
    }

    [TestCase("")] // empty
    [TestCase("   ")] // only spaces
    [TestCase("., ; !")] // only punctuation
    public void Extract_NoWords_ScoresFiniteAndBelowARealSentence(string text)
    {
        const string sentence = "Trong 8 tháng đầu năm 2024, kim ngạch thương mại song phương đạt gần 88 tỷ USD, tăng 22%.";
        var empty = FeatureExtractor.Extract(text);

        double.IsFinite(PairScorer.Default.Score(empty, empty)).Should().BeTrue();
        PairScorer.Default.Score(empty, FeatureExtractor.Extract(sentence)).Should().BeLessThan(0);
    }

    [Test]
    public void Extract_RandomStrings_GiveFiniteScores()
    {
        var random = new Random(99);
        var previous = FeatureExtractor.Extract("");
        for (var round = 0; round < 3000; round++)
        {
            var text = RandomText.Next(random, 60);
            if (round % 50 == 0)
            {
                text += new string('x', 200) + " " + new string('Đ', 100) + " " + new string('9', 300); // over-long words and numbers
            }

            var features = FeatureExtractor.Extract(text);
            var score = PairScorer.Default.Score(features, previous);

            double.IsFinite(score).Should().BeTrue(text);
            PairScorer.Probability(score).Should().BeInRange(0, 1, text);
            previous = features;
        }
    }

    private static double Score(string english, string vietnamese) =>
        PairScorer.Default.Score(FeatureExtractor.Extract(english), FeatureExtractor.Extract(vietnamese));
}
