using Aligner.Detection;
using Aligner.Segmentation;
using Aligner.Tests.Support;
using Aligner.Training;
using FluentAssertions;

namespace Aligner.Tests.Training;

[TestFixture]
public sealed class LanguageDetectorTrainerTests
{
    private static readonly LanguageDetectorTrainingOptions Small = new() { NgramBits = 14, WordBits = 12, HeldOutEvery = 5, Smoothing = 0.01, Name = "seeds" };

    /// <summary>The sentences of the English seeds and of the Vietnamese seed, one per line.</summary>
    internal static (List<string> English, List<string> Vietnamese) SeedSentences()
    {
        var english = Sentences(Seeds.EnglishReport).Concat(Sentences(Seeds.RelatedEnglishReport)).ToList();
        var vietnamese = Sentences(Seeds.VietnameseReport).ToList();
        return (english, vietnamese);
    }

    [Test]
    public void Train_SeedText_LabelsUnseenSentences()
    {
        var (english, vietnamese) = SeedSentences();

        var model = LanguageDetectorTrainer.TrainModel(english, vietnamese, Small);
        var detector = LanguageDetector.Create(model);

        model.TrainedOn.Should().StartWith("seeds: ");
        detector.Detect("The leaders will discuss trade and investment cooperation between the two countries.").Language.Should().Be(DetectedLanguage.English);
        // A model from a few dozen sentences knows few syllables: the test sentences use the seed's vocabulary.
        detector.Detect("Tổng Bí thư, Chủ tịch nước và đoàn đại biểu cấp cao Việt Nam tham dự hội nghị.").Language.Should().Be(DetectedLanguage.Vietnamese);
        detector.Detect("Tong Bi thu, Chu tich nuoc va doan dai bieu cap cao Viet Nam tham du hoi nghi.").Language.Should().Be(DetectedLanguage.Vietnamese);
    }

    [Test]
    public void Train_SameInput_SameModel()
    {
        var (english, vietnamese) = SeedSentences();

        var first = LanguageDetectorTrainer.TrainModel(english, vietnamese, Small);
        var second = LanguageDetectorTrainer.TrainModel(english, vietnamese, Small);

        first.Calibration.Should().Be(second.Calibration);
    }

    [Test]
    public void Train_ChoosesWordClipAmongCandidates()
    {
        var (english, vietnamese) = SeedSentences();

        var model = LanguageDetectorTrainer.TrainModel(english, vietnamese, Small);

        LanguageDetectorTrainer.WordClipCandidates.Should().Contain(model.Calibration.WordClip);
        LanguageDetectorTrainer.TrainModel(english, vietnamese, Small with { WordClip = 5 }).Calibration.WordClip.Should().Be(5);
    }

    [Test]
    public void Train_TooFewLines_ThrowsNamingTheCorpus()
    {
        var (english, _) = SeedSentences();

        var act = () => LanguageDetectorTrainer.TrainModel(english, ["Một.", "Hai."], Small);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("vietnamese");
    }

    [Test]
    public void Train_Null_Throws()
    {
        var act = () => LanguageDetectorTrainer.TrainModel(null!, [], Small);

        act.Should().Throw<ArgumentNullException>();
    }

    [TestCase(0)] // not positive
    [TestCase(-3)] // negative
    public void Train_BadWordClip_Throws(double clip)
    {
        var (english, vietnamese) = SeedSentences();

        var act = () => LanguageDetectorTrainer.TrainModel(english, vietnamese, Small with { WordClip = clip });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Train_Cancelled_Throws()
    {
        var (english, vietnamese) = SeedSentences();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var act = () => LanguageDetectorTrainer.TrainModel(english, vietnamese, Small, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    private static IEnumerable<string> Sentences(string seed)
    {
        var text = Seeds.Read(seed);
        var sentences = new List<Sentence>();
        foreach (var line in ParagraphSplitter.Split(text))
        {
            SentenceSplitter.SplitParagraph(text, line, 0, sentences);
        }

        return sentences.Select(s => s.Range.Substring(text));
    }
}
