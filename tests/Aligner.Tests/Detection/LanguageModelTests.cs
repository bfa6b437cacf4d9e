using Aligner.Detection;
using Aligner.Input;
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
    public void Load_Version2_OnePlattSlopeScalesEveryKindOfEvidence()
    {
        var model = LanguageModel.Default;
        using var stream = new MemoryStream();
        ModelFile.Write(stream, writer =>
        {
            writer.Write(0x44494C41u);
            writer.Write(2);
            writer.Write(model.Order);
            writer.Write(model.NgramBits);
            writer.Write(model.WordBits);
            foreach (var value in new[] { 0.1, -0.9, 0.25, 11.5, 7.0, 2, 4, 3, 1, 3, 4, 6 })
            {
                writer.Write(value); // slope, intercept, capital weight, diacritics (nats), fit settings, word clip
            }

            writer.Write("version 2");
            writer.Write(model.Ngrams);
            writer.Write(model.Words);
        });
        stream.Position = 0;

        var c = LanguageModel.Load(stream).Calibration;

        c.PlattSlope.Should().Be(0.1);
        c.OpenerSlope.Should().Be(0.1);
        c.CapitalSlope.Should().Be(0.1);
        c.PlattIntercept.Should().Be(-0.9);
        c.WordClip.Should().Be(6);
        new[] { c.VietnameseOnlyDiacritic, c.OpenerVietnameseOnlyDiacritic, c.CapitalVietnameseOnlyDiacritic }.Should().AllSatisfy(v => v.Should().BeApproximately(1.15, 1e-12));
        new[] { c.VietnameseSharedDiacritic, c.OpenerVietnameseSharedDiacritic, c.CapitalVietnameseSharedDiacritic }.Should().AllSatisfy(v => v.Should().BeApproximately(0.7, 1e-12));
    }

    [Test]
    public void Calibration_EvidenceWeights_EachWeighsItsOwnFeature()
    {
        double[] w = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var calibration = new LanguageModelCalibration().WithEvidenceWeights(w);

        for (var k = 0; k < SpanScore.EvidenceCount; k++)
        {
            var x = new double[SpanScore.EvidenceCount];
            x[k] = 1;
            calibration.LogOdds(x).Should().Be(w[k] + w[^1], $"feature {k}");
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
