using Aligner.Detection;
using FluentAssertions;

namespace Aligner.Tests.Detection;

[TestFixture]
public sealed class LanguageModelTests
{
    [Test]
    public void Default_IsEmbeddedAndSmall()
    {
        var model = LanguageModel.Default;

        model.TrainedOn.Should().Contain("Wikipedia");
        model.Calibration.PlattSlope.Should().BePositive();
        typeof(LanguageModel).Assembly.GetManifestResourceStream("Aligner.Models.detector.bin")!.Length.Should().BeLessThan(3 << 20);
    }

    [Test]
    public void SaveLoad_RoundTrip_SameDetections()
    {
        using var stream = new MemoryStream();
        LanguageModel.Default.Save(stream);
        stream.Position = 0;

        var loaded = LanguageModel.Load(stream);

        loaded.Calibration.Should().Be(LanguageModel.Default.Calibration);
        loaded.TrainedOn.Should().Be(LanguageModel.Default.TrainedOn);
        var detector = LanguageDetector.Create(loaded);
        foreach (var text in new[] { "Hom nay troi dep qua", "The weather is lovely", "Đọc thêm" })
        {
            detector.Detect(text).Should().Be(LanguageDetector.Default.Detect(text) with { Parts = detector.Detect(text).Parts });
        }
    }

    [Test]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        using var stream = new MemoryStream("not a model at all"u8.ToArray());

        var act = () => LanguageModel.Load(stream);

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Load_Truncated_ThrowsInvalidData()
    {
        using var whole = new MemoryStream();
        LanguageModel.Default.Save(whole);
        using var truncated = new MemoryStream(whole.ToArray()[..(int)(whole.Length / 2)]);

        var act = () => LanguageModel.Load(truncated);

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Load_Null_Throws()
    {
        var act = () => LanguageModel.Load(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
