using Aligner.Detection;
using Aligner.Restoration;
using Aligner.Scoring;
using Aligner.Tests.Support;
using Aligner.Training;
using FluentAssertions;

namespace Aligner.Tests.Training;

/// <summary>
/// The public way to train (<c>LanguageDetector.Train</c>, <c>Lexicon.Train</c>, <c>ScorerModel.Train</c>,
/// <c>DiacriticRestorer.Train</c> and <c>TrainFiles</c>) gives exactly what the trainers give the CLI.
/// </summary>
[TestFixture]
public sealed class TrainingExtensionsTests
{
    private static readonly string[] VietnameseCorpus =
    [
        "Tổng Bí thư, Chủ tịch nước Tô Lâm khẳng định quan hệ hai nước.",
        "Thủ tướng Chính phủ tiếp Đại sứ Hoa Kỳ tại Hà Nội.",
        "Học sinh đi học, người dân đi làm.",
        "Hôm nay trời đẹp, chúng tôi đi chơi.",
    ];

    private static readonly RestorerTrainerOptions SmallRestorer = RestorerTrainerOptions.Default with { MinTrigramCount = 1 };

    [Test]
    public void LanguageDetectorTrain_SeedText_IsTheTrainersModel()
    {
        var (english, vietnamese) = LanguageDetectorTrainerTests.SeedSentences();
        var options = new LanguageDetectorTrainingOptions { NgramBits = 14, WordBits = 12, HeldOutEvery = 5, Smoothing = 0.01, Name = "seeds" };

        var detector = LanguageDetector.Train(english, vietnamese, options);

        Saved(detector.Save).Should().Equal(Saved(LanguageDetector.Create(LanguageDetectorTrainer.TrainModel(english, vietnamese, options)).Save));
        detector.Options.Should().Be(LanguageDetectorOptions.Default);
    }

    [Test]
    public void LexiconTrain_Pairs_IsTheTrainersLexicon()
    {
        (string, string)[] pairs = [("the cat sleeps", "con mèo ngủ"), ("the dog sleeps", "con chó ngủ"), ("a cat runs", "một con mèo chạy"), ("cat", "mèo")];
        var options = LexiconTrainingOptions.Default with { MinimumMass = 0 };

        var lexicon = Lexicon.Train(pairs, options, "four pairs");

        Saved(lexicon.Save).Should().Equal(Saved(LexiconTrainer.Train(pairs, options, "four pairs").Save));
        lexicon.TrainedOn.Should().Contain("four pairs");
    }

    [Test]
    public void ScorerModelTrain_Pairs_IsTheTrainersModel()
    {
        var (english, vietnamese) = ScorerTrainerTests.Corpus(new Random(7), 30, 1.1);

        var model = ScorerModel.Train(english, vietnamese, "thirty");

        model.Should().Be(ScorerTrainer.Train(english, vietnamese, "thirty"));
    }

    [Test]
    public void DiacriticRestorerTrain_Lines_IsTheTrainersModelWithTheDefaultDetector()
    {
        var lines = Enumerable.Repeat(VietnameseCorpus, 10).SelectMany(c => c).ToList();

        var restorer = DiacriticRestorer.Train(lines, SmallRestorer);

        Saved(restorer.Save).Should().Equal(Saved(RestorerTrainer.TrainModel(lines, SmallRestorer).Save));
        restorer.Detector.Should().BeSameAs(LanguageDetector.Default);
        restorer.Restore("Hoc sinh di hoc").Should().Be("Học sinh đi học");
    }

    [Test]
    public void DiacriticRestorerTrainFiles_File_IsTrainOnItsLines()
    {
        using var temp = new TempDirectory();
        var lines = Enumerable.Repeat(VietnameseCorpus, 10).SelectMany(c => c).ToList();
        var path = temp.Write("corpus.txt", string.Join("\n", lines) + "\n");

        var restorer = DiacriticRestorer.TrainFiles([path], SmallRestorer);

        Saved(restorer.Save).Should().Equal(Saved(DiacriticRestorer.Train(lines, SmallRestorer).Save));
    }

    private static byte[] Saved(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }
}
