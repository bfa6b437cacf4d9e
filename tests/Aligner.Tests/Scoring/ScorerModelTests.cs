using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Aligner.Scoring;
using FluentAssertions;

namespace Aligner.Tests.Scoring;

[TestFixture]
public sealed class ScorerModelTests
{
    [Test]
    public void Default_IsValidAndNamesItsCorpus()
    {
        var model = ScorerModel.Default;

        var act = model.Validate;

        act.Should().NotThrow();
        model.TrainedOn.Should().NotBeNullOrWhiteSpace();
        model.EnglishNumberFound.Should().BeGreaterThan(model.EnglishNumberFoundByChance);
        model.VietnameseNameFound.Should().BeGreaterThan(model.VietnameseNameFoundByChance);
    }

    [Test]
    public void Equals_EveryPropertyCounts()
    {
        var model = ScorerModel.Default;

        // The public parameters and the internal ones stored in the JSON (ComparableCalibration).
        var properties = typeof(ScorerModel).GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && (p.GetMethod!.IsPublic || p.IsDefined(typeof(JsonIncludeAttribute))))
            .ToList();
        properties.Select(p => p.Name).Should().Contain(nameof(ScorerModel.StatedComparableCalibration));
        foreach (var property in properties)
        {
            object changed = property.PropertyType switch
            {
                var t when t == typeof(double) || t == typeof(double?) => (double)property.GetValue(model)! + 0.5,
                var t when t == typeof(string) => property.GetValue(model) + " changed",
                var t when t == typeof(System.Collections.Immutable.ImmutableArray<double>) => ((System.Collections.Immutable.ImmutableArray<double>)property.GetValue(model)!).Add(1.0),
                var t => throw new AssertionException($"{property.Name}: a {t.Name} property this test does not know how to change"),
            };
            var copy = model with { };
            property.SetValue(copy, changed);

            copy.Should().NotBe(model, $"{property.Name} differs");
            (model with { }).Should().Be(model);
        }
    }

    [Test]
    public void SaveThenLoad_Model_RoundTrips()
    {
        var model = ScorerModel.Default with
        {
            LengthRatio = 1.23456789,
            LengthVariance = 3.5,
            RandomLogRatioMean = -0.125,
            EnglishNameFound = 0.6,
            TrainedOn = "test corpus «Việt» \"quoted\"",
        };
        using var stream = new MemoryStream();

        model.Save(stream);
        stream.Position = 0;
        var loaded = ScorerModel.Load(stream);

        loaded.Should().Be(model);
    }

    [Test]
    public void Default_StatesTheComparableCalibrationChosenForItsWeights()
    {
        using var stream = typeof(ScorerModel).Assembly.GetManifestResourceStream("Aligner.Models.scorer.json")!;
        var json = JsonNode.Parse(stream)!.AsObject();

        json[nameof(ScorerModel.ComparableCalibration)]!.GetValue<double>().Should().Be(0.115, "the factor chosen on realnews-dev for the shipped weights (benchmarks/README.md)");
        ScorerModel.Default.ComparableCalibration.Should().Be(0.115);
    }

    [Test]
    public void Load_WithComparableCalibration_ReadsIt()
    {
        var json = Json(ScorerModel.Default);
        json[nameof(ScorerModel.ComparableCalibration)] = 0.3;

        var loaded = Load(json);

        loaded.ComparableCalibration.Should().Be(0.3);
        loaded.Should().Be(ScorerModel.Default with { ComparableCalibration = 0.3 });
    }

    [Test]
    public void Load_WithoutComparableCalibration_ReadsTheFactorModelsWereUsedWithBefore()
    {
        var json = Json(ScorerModel.Default with { ComparableCalibration = 0.3 });
        json.Remove(nameof(ScorerModel.ComparableCalibration)).Should().BeTrue();

        var loaded = Load(json);

        loaded.ComparableCalibration.Should().Be(ScorerModel.DefaultComparableCalibration).And.Be(0.115);
        loaded.Should().Be(ScorerModel.Default, "an older file of the shipped model loads as the shipped model");
    }

    [Test]
    public void Load_WithoutComparableWeights_LoadsAModelWithoutTheComparableRegression()
    {
        var json = Json(ScorerModel.Default);
        json.Remove(nameof(ScorerModel.ComparableWeights)).Should().BeTrue();

        var loaded = Load(json);

        loaded.ComparableWeights.Should().BeEmpty();
        loaded.Weights.Should().Equal(ScorerModel.Default.Weights);
    }

    [Test]
    public void Load_WithoutAnyRegression_LoadsTheGenerativeModelAlone()
    {
        var json = Json(ScorerModel.Default);
        json.Remove(nameof(ScorerModel.Weights)).Should().BeTrue();
        json.Remove(nameof(ScorerModel.ComparableWeights)).Should().BeTrue();

        var loaded = Load(json);

        loaded.Weights.Should().BeEmpty();
        loaded.ComparableWeights.Should().BeEmpty();
        loaded.LengthRatio.Should().Be(ScorerModel.Default.LengthRatio);
    }

    [Test]
    public void Load_ComparableWeightsWithoutWeights_ThrowsInvalidDataExceptionNamingThem()
    {
        var json = Json(ScorerModel.Default);
        json.Remove(nameof(ScorerModel.Weights)).Should().BeTrue();

        var act = () => Load(json);

        act.Should().Throw<InvalidDataException>().WithMessage($"*{nameof(ScorerModel.ComparableWeights)}*");
    }

    [TestCase(0.0)] // would make every link even odds
    [TestCase(-0.115)] // would turn the regression round
    [TestCase(double.NaN)] // not a number
    [TestCase(double.PositiveInfinity)] // must be finite
    public void Load_ComparableCalibrationOutOfRange_ThrowsInvalidDataExceptionNamingIt(double value)
    {
        var json = Json(ScorerModel.Default);
        json[nameof(ScorerModel.ComparableCalibration)] = double.IsFinite(value) ? value : JsonValue.Create(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var act = () => Load(json);
        var validate = (ScorerModel.Default with { ComparableCalibration = value }).Validate;

        act.Should().Throw<InvalidDataException>();
        validate.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(nameof(ScorerModel.ComparableCalibration));
    }

    private static JsonObject Json(ScorerModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return JsonNode.Parse(stream.ToArray())!.AsObject();
    }

    private static ScorerModel Load(JsonObject json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return ScorerModel.Load(stream);
    }

    [Test]
    public void SaveThenLoad_Default_RoundTrips()
    {
        using var stream = new MemoryStream();

        ScorerModel.Default.Save(stream);
        stream.Position = 0;

        ScorerModel.Load(stream).Should().Be(ScorerModel.Default);
    }

    [TestCase("")] // an empty file
    [TestCase("not json at all")] // text
    [TestCase("null")] // a JSON null
    [TestCase("[]")] // a JSON array
    [TestCase("{}")] // an object without the parameters
    [TestCase("{\"LengthRatio\": 1.0}")] // most parameters missing
    [TestCase("{\"LengthRatio\": \"abc\"}")] // a parameter of the wrong type
    [TestCase("{\"LengthRatio\": 0.98")] // cut short
    [TestCase("\u0000\u0001\u0002binary")] // binary junk
    public void Load_Garbage_ThrowsInvalidDataException(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));

        var act = () => ScorerModel.Load(stream);

        act.Should().Throw<InvalidDataException>();
    }

    [Test]
    public void Load_OutOfRangeParameter_ThrowsInvalidDataExceptionNamingIt()
    {
        using var saved = new MemoryStream();
        (ScorerModel.Default with { EnglishNumberFound = 1.5 }).Save(saved);
        using var stream = new MemoryStream(saved.ToArray());

        var act = () => ScorerModel.Load(stream);

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(nameof(ScorerModel.EnglishNumberFound));
    }

    [Test]
    public void Load_Null_ThrowsArgumentNullException()
    {
        var act = () => ScorerModel.Load(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [TestCase(nameof(ScorerModel.LengthRatio), 0.0)] // must be positive
    [TestCase(nameof(ScorerModel.LengthRatio), -1.0)] // must be positive
    [TestCase(nameof(ScorerModel.LengthRatio), double.NaN)] // not a number
    [TestCase(nameof(ScorerModel.LengthRatio), double.PositiveInfinity)] // must be finite
    [TestCase(nameof(ScorerModel.LengthVariance), 0.0)] // a variance must be positive
    [TestCase(nameof(ScorerModel.RandomLogRatioDeviation), 0.0)] // a deviation must be positive
    [TestCase(nameof(ScorerModel.RandomLogRatioMean), double.NaN)] // the mean must be a number
    [TestCase(nameof(ScorerModel.RandomLogRatioMean), double.NegativeInfinity)] // the mean must be finite
    [TestCase(nameof(ScorerModel.LengthOutlierRate), 0.0)] // a rate of 0 gives log(0)
    [TestCase(nameof(ScorerModel.LengthOutlierRate), 1.0)] // a rate of 1 gives log(0) for inliers
    [TestCase(nameof(ScorerModel.EnglishNumberFound), 1.5)] // above 1
    [TestCase(nameof(ScorerModel.EnglishNumberFoundByChance), 0.0)] // log(found / 0)
    [TestCase(nameof(ScorerModel.VietnameseNumberFound), -0.1)] // below 0
    [TestCase(nameof(ScorerModel.VietnameseNumberFoundByChance), 1.0)] // log(0 / 0) for misses
    [TestCase(nameof(ScorerModel.EnglishNameFound), double.NaN)] // not a number
    [TestCase(nameof(ScorerModel.EnglishNameFoundByChance), 2.0)] // above 1
    [TestCase(nameof(ScorerModel.VietnameseNameFound), 0.0)] // exactly 0
    [TestCase(nameof(ScorerModel.VietnameseNameFoundByChance), double.PositiveInfinity)] // infinite
    public void Validate_OutOfRange_ThrowsInvalidDataExceptionNamingParameter(string parameter, double value)
    {
        var model = With(parameter, value);

        var act = model.Validate;

        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(parameter);
    }

    [TestCase(nameof(ScorerModel.RandomLogRatioMean), -3.0)] // the mean of a log-ratio may be negative
    [TestCase(nameof(ScorerModel.LengthRatio), 5.0)] // any positive ratio
    [TestCase(nameof(ScorerModel.LengthOutlierRate), 0.999)] // just under 1
    public void Validate_InRange_DoesNotThrow(string parameter, double value)
    {
        var act = With(parameter, value).Validate;

        act.Should().NotThrow();
    }

    private static ScorerModel With(string parameter, double value)
    {
        var model = ScorerModel.Default with { };
        typeof(ScorerModel).GetProperty(parameter)!.SetValue(model, value);
        return model;
    }
}
