using MathNet.Numerics.LinearAlgebra;

namespace Aligner.Training;

/// <summary>Logistic regression by Newton's method with a small ridge, for the trainers' calibrations.</summary>
internal static class LogisticRegression
{
    /// <summary>
    /// The weights w maximising Σ cᵢ log σ(±w·xᵢ) − ridge/2 ‖w‖², where cᵢ is <paramref name="sampleWeights"/>[i] (1 when
    /// null). Put a constant 1 in a column of <paramref name="rows"/> for an intercept.
    /// </summary>
    /// <param name="rows">The feature vectors, all of one length.</param>
    /// <param name="labels">The labels.</param>
    /// <param name="sampleWeights">A weight per row, or null for all 1.</param>
    /// <param name="ridge">The ridge; it keeps the steps finite when the classes separate.</param>
    /// <param name="iterations">The most Newton steps.</param>
    public static double[] Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<double>? sampleWeights, double ridge, int iterations = 50)
    {
        var design = Matrix<double>.Build.DenseOfRowArrays(rows);
        var y = Vector<double>.Build.Dense(labels.Count, i => labels[i] ? 1 : 0);
        var c = Vector<double>.Build.Dense(labels.Count, i => sampleWeights?[i] ?? 1);
        var w = Vector<double>.Build.Dense(design.ColumnCount);
        var identity = Matrix<double>.Build.DenseIdentity(design.ColumnCount);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var p = (design * w).Map(z => 1 / (1 + Math.Exp(-z)));
            var curvature = p.PointwiseMultiply(1 - p).PointwiseMultiply(c);
            var hessian = design.TransposeThisAndMultiply(design.MapIndexed((r, _, v) => v * curvature[r])) + (ridge * identity);
            var gradient = design.TransposeThisAndMultiply((y - p).PointwiseMultiply(c)) - (ridge * w);
            var step = hessian.Solve(gradient);
            w += step;
            if (step.L2Norm() < 1e-8)
            {
                break;
            }
        }

        return [.. w];
    }
}
