using Aligner.Scoring;
using FluentAssertions;
using MathNet.Numerics.Distributions;

namespace Aligner.Tests.Scoring;

/// <summary>The shortcuts of the scoring hot path give what the plain formulas give.</summary>
[TestFixture]
public sealed class FastScoringTests
{
    private static Lexicon Lexicon => Lexicon.Default;

    [TestCase(0.001)]
    [TestCase(0.37283)] // 1 − EnglishWordCovered of the default model
    [TestCase(0.49891)] // 1 − VietnameseWordCovered
    [TestCase(0.9)]
    [TestCase(0.999)]
    public void CoverageGain_MatchesExactFormula(double t)
    {
        var gain = new CoverageGain(t);
        var random = new Random(7);
        for (var k = 0; k < 200_000; k++)
        {
            // x from 1e-5 to 200, spread evenly in log x: the whole table and beyond both its ends.
            var x = Math.Exp(Math.Log(1e-5) + (random.NextDouble() * (Math.Log(200) - Math.Log(1e-5))));
            var fast = gain.Evaluate(x);
            var exact = CoverageGain.Exact(t, x);

            // Relative 1e-9, or 1e-15 absolute where f is tiny and the exact formula itself rounds worse than that.
            Math.Abs(fast - exact).Should().BeLessThanOrEqualTo((1e-9 * Math.Abs(exact)) + 1e-15, $"x = {x:R}");
            if (x < 16)
            {
                // Against the cancellation-free reference the table is good to 1e-10 relative.
                var reference = CoverageGain.Reference(t, x).F;
                Math.Abs(fast - reference).Should().BeLessThanOrEqualTo(1e-10 * Math.Abs(reference), $"x = {x:R}");
            }
        }
    }

    [Test]
    public void CoverageScore_MatchesPerWordExactSum()
    {
        var model = ScorerModel.Default;
        var t = Math.Exp(Math.Log(1 - model.EnglishWordCovered));
        var gain = new CoverageGain(t);
        string[] english = ["The government will build a new school for the children.", "Water prices rose again in the city this year."];
        string[] vietnamese = ["Chính phủ sẽ xây một trường học mới cho trẻ em.", "Trời mưa to suốt đêm qua ở vùng núi."];
        foreach (var e in english)
        {
            foreach (var v in vietnamese)
            {
                var en = LexicalFeatures.English(e, Lexicon);
                var vi = LexicalFeatures.Vietnamese(v, Lexicon);
                var covered = new bool[en.Positions];
                LexicalFeatures.MarkCovered(en, vi, covered);
                var m = Math.Max(vi.Known, 1);
                var expected = 0.0;
                var count = 0;
                for (var p = 0; p < en.Positions; p++)
                {
                    if (covered[p])
                    {
                        count++;
                        expected += CoverageGain.Exact(t, m * (model.EnglishWordChanceBackground + (model.EnglishWordChanceScale * en.Chance![p])));
                    }
                }

                expected += (en.Known - count) * Math.Log(1 - model.EnglishWordCovered);
                var actual = LexicalFeatures.CoverageScore(en, vi, Math.Log(1 - model.EnglishWordCovered), model.EnglishWordChanceBackground, model.EnglishWordChanceScale, gain);

                count.Should().Be(LexicalFeatures.Covered(en, vi));
                actual.Should().BeApproximately(expected, 1e-12);
            }
        }
    }

    [Test]
    public void Covered_LongSpan_CountsEveryPart()
    {
        // Over 512 positions the position set no longer fits on the stack.
        var part = LexicalFeatures.English("The government will build a new school for the children and the water of the city.", Lexicon);
        var vi = LexicalFeatures.Vietnamese("Chính phủ sẽ xây một trường học mới cho trẻ em.", Lexicon);
        var span = part;
        var parts = 1;
        while (span.Positions <= 600)
        {
            span = LexicalFeatures.Combine(span, part);
            parts++;
        }

        LexicalFeatures.Covered(span, vi).Should().Be(parts * LexicalFeatures.Covered(part, vi));
    }

    [Test]
    public void LengthScore_EqualsNormalLogDensities_Bitwise()
    {
        var model = ScorerModel.Default;
        var scorer = PairScorer.Default;
        int[] lengths = [0, 1, 2, 3, 7, 10, 31, 64, 100, 257, 1000, 2047, 2048, 2049, 5000];
        foreach (var en in lengths)
        {
            foreach (var vi in lengths)
            {
                scorer.LengthScore(en, vi).Should().Be(PlainLengthScore(model, en, vi), $"lengths {en}, {vi}");
            }
        }
    }

    // PairScorer.LengthScore as written with MathNet before the tables.
    private static double PlainLengthScore(ScorerModel model, int englishLength, int vietnameseLength)
    {
        double l = Math.Max(englishLength, 1);
        double x = Math.Max(vietnameseLength, 1);
        var expected = model.LengthRatio * l;
        var translation = Normal.PDFLn(expected, Math.Sqrt(model.LengthVariance * l), x);
        var unrelated = Normal.PDFLn(model.RandomLogRatioMean, model.RandomLogRatioDeviation, Math.Log(x / expected)) - Math.Log(x);
        var a = Math.Log(1 - model.LengthOutlierRate) + translation;
        var b = Math.Log(model.LengthOutlierRate) + unrelated;
        var mixed = a > b ? a + Math.Log(1 + Math.Exp(b - a)) : b + Math.Log(1 + Math.Exp(a - b));
        return mixed - unrelated;
    }
}
