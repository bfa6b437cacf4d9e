using System.Globalization;
using Aligner.Scoring;
using Aligner.Tests.Support;
using Aligner.Training;
using FluentAssertions;

namespace Aligner.Tests.Training;

[TestFixture]
public sealed class ScorerTrainerTests
{
    [TestCase(0)] // no pairs at all
    [TestCase(1)] // a single pair
    [TestCase(19)] // one short of the minimum
    public void Train_FewerThanTwentyPairs_ThrowsArgumentException(int count)
    {
        var (english, vietnamese) = Corpus(new Random(count), count, 1.0);

        var act = () => ScorerTrainer.Train(english, vietnamese);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("20");
    }

    [Test]
    public void Train_TwentyPairsPaddedWithBlankLines_ThrowsWhenBlanksAreNotCounted()
    {
        var (english, vietnamese) = Corpus(new Random(2), 19, 1.0);
        english.Add("   ");
        vietnamese.Add("Một câu.");

        var act = () => ScorerTrainer.Train(english, vietnamese);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void Train_ExactlyTwentyPairs_Succeeds()
    {
        var (english, vietnamese) = Corpus(new Random(20), 20, 1.0);

        var model = ScorerTrainer.Train(english, vietnamese, "twenty");

        var act = model.Validate;
        act.Should().NotThrow();
        model.TrainedOn.Should().Be("twenty (20 sentence pairs)");
    }

    [Test]
    public void Train_DifferentCounts_ThrowsArgumentException()
    {
        var (english, vietnamese) = Corpus(new Random(3), 30, 1.0);
        vietnamese.RemoveAt(0);

        var act = () => ScorerTrainer.Train(english, vietnamese);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("30").And.Contain("29");
    }

    [Test]
    public void Train_Null_ThrowsArgumentNullException()
    {
        var en = () => ScorerTrainer.Train(null!, []);
        var vi = () => ScorerTrainer.Train([], null!);

        en.Should().Throw<ArgumentNullException>();
        vi.Should().Throw<ArgumentNullException>();
    }

    [TestCase(1.0)] // translations as long as the originals
    [TestCase(1.25)] // Vietnamese a quarter longer
    [TestCase(0.8)] // Vietnamese shorter
    public void Train_SyntheticPairs_LearnsTheLengthRatio(double ratio)
    {
        var (english, vietnamese) = Corpus(new Random(42), 300, ratio);

        var model = ScorerTrainer.Train(english, vietnamese, "synthetic");

        model.LengthRatio.Should().BeApproximately(ratio, 0.03);
        model.LengthVariance.Should().BePositive().And.BeLessThan(5);
        model.RandomLogRatioDeviation.Should().BeGreaterThan(0.2, "unrelated sentences vary widely in length");
        model.LengthOutlierRate.Should().BeInRange(0.005, 0.5);
        model.EnglishNumberFound.Should().BeGreaterThan(0.9, "every number is translated");
        model.VietnameseNumberFound.Should().BeGreaterThan(0.9);
        model.EnglishNumberFoundByChance.Should().BeLessThan(0.2, "neighbouring sentences carry other numbers");
        model.EnglishNameFound.Should().BeGreaterThan(model.EnglishNameFoundByChance);
        model.TrainedOn.Should().Be("synthetic (300 sentence pairs)");
    }

    [Test]
    public void Train_SyntheticPairs_TrainedScorerPrefersTranslations()
    {
        var random = new Random(8);
        var (english, vietnamese) = Corpus(random, 300, 1.2);
        var scorer = new PairScorer(ScorerTrainer.Train(english, vietnamese));
        var (testEnglish, testVietnamese) = Corpus(random, 50, 1.2);

        var wins = 0;
        for (var i = 0; i < testEnglish.Count; i++)
        {
            var en = FeatureExtractor.Extract(testEnglish[i]);
            var good = scorer.Score(en, FeatureExtractor.Extract(testVietnamese[i]));
            var bad = scorer.Score(en, FeatureExtractor.Extract(testVietnamese[(i + 17) % testVietnamese.Count]));
            wins += good > bad ? 1 : 0;
        }

        wins.Should().BeGreaterThanOrEqualTo(48);
    }

    [Test]
    public void Train_SavedModel_LoadsBack()
    {
        var (english, vietnamese) = Corpus(new Random(4), 40, 1.1);
        var model = ScorerTrainer.Train(english, vietnamese);
        using var stream = new MemoryStream();

        model.Save(stream);
        stream.Position = 0;

        ScorerModel.Load(stream).Should().Be(model);
    }

    [Test]
    public void Train_WithLexicon_StoresTheComparableCalibrationGiven()
    {
        var (english, vietnamese) = Corpus(new Random(5), 40, 1.1);

        var given = ScorerTrainer.Train(english, vietnamese, lexicon: Lexicon.Default, comparableCalibration: 0.25);
        var unstated = ScorerTrainer.Train(english, vietnamese, lexicon: Lexicon.Default);

        given.ComparableWeights.Should().NotBeEmpty();
        given.ComparableCalibration.Should().Be(0.25);
        unstated.ComparableCalibration.Should().Be(ScorerModel.DefaultComparableCalibration);
        (given with { ComparableCalibration = unstated.ComparableCalibration }).Should().Be(unstated, "the factor is stored, not fitted");
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void Train_ComparableCalibrationNotPositive_ThrowsArgumentOutOfRangeException(double calibration)
    {
        var (english, vietnamese) = Corpus(new Random(5), 40, 1.1);

        var act = () => ScorerTrainer.Train(english, vietnamese, comparableCalibration: calibration);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("comparableCalibration");
    }

    /// <summary>
    /// Line-parallel synthetic sentences: each pair shares a number and a name, and the Vietnamese side is about
    /// <paramref name="ratio"/> times as long.
    /// </summary>
    internal static (List<string> English, List<string> Vietnamese) Corpus(Random random, int count, double ratio)
    {
        string[] names = ["Hanoi", "Nguyen", "Lam", "Cuba", "Tokyo", "Paris", "Giang", "Dung", "Havana", "Seoul"];
        var english = new List<string>(count);
        var vietnamese = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var number = random.Next(1, 100000).ToString(CultureInfo.InvariantCulture);
            var name = names[random.Next(names.Length)];
            var words = RandomText.Words(random, random.Next(5, 30));
            var en = $"{words} {name} {number}.";
            var targetLength = (int)Math.Round(en.Length * ratio);
            var viWords = RandomText.Words(random, 60);
            var body = viWords[..Math.Max(1, targetLength - name.Length - number.Length - 3)].TrimEnd();
            vietnamese.Add($"{body} {name} {number}.");
            english.Add(en);
        }

        return (english, vietnamese);
    }
}
