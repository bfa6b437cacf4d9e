using Aligner.Training;
using FluentAssertions;

namespace Aligner.Tests.Training;

[TestFixture]
public sealed class LogisticRegressionTests
{
    [Test]
    public void Fit_DataFromAKnownModel_RecoversItsWeights()
    {
        var random = new Random(7);
        var rows = new List<double[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 20_000; i++)
        {
            var x = new[] { (random.NextDouble() * 4) - 2, (random.NextDouble() * 4) - 2, 1.0 };
            var z = (2 * x[0]) - x[1] + 0.5;
            rows.Add(x);
            labels.Add(random.NextDouble() < 1 / (1 + Math.Exp(-z)));
        }

        var w = LogisticRegression.Fit(rows, labels, null, ridge: 1e-3);

        w[0].Should().BeApproximately(2, 0.15);
        w[1].Should().BeApproximately(-1, 0.15);
        w[2].Should().BeApproximately(0.5, 0.15);
    }

    [Test]
    public void Fit_SampleWeightOfTwo_SameAsTheRowTwice()
    {
        double[][] rows = [[0.5, 1], [-1, 1], [2, 1], [0.1, 1], [-0.3, 1]];
        bool[] labels = [true, false, true, false, true];

        var weighted = LogisticRegression.Fit(rows, labels, [2, 1, 1, 1, 1], ridge: 1e-2);
        var repeated = LogisticRegression.Fit([rows[0], .. rows], [labels[0], .. labels], null, ridge: 1e-2);

        weighted.Should().Equal(repeated, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Test]
    public void Fit_SeparableClasses_FiniteWeights()
    {
        double[][] rows = [[-2, 1], [-1, 1], [1, 1], [2, 1]];
        bool[] labels = [false, false, true, true];

        var w = LogisticRegression.Fit(rows, labels, null, ridge: 1e-2);

        w.Should().OnlyContain(v => double.IsFinite(v));
        w[0].Should().BePositive();
    }
}
