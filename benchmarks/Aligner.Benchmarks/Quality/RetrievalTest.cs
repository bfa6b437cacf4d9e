using System.Diagnostics;
using Aligner.Detection;
using Aligner.Preparation;
using Aligner.Scoring;

namespace Aligner.Benchmarks.Quality;

/// <summary>
/// The retrieval test of the scorer: for each English line, is its own translation the best-scoring of all the
/// Vietnamese lines? Prints top-1 and top-5 accuracy.
/// </summary>
/// <remarks>Usage: retrieval ENGLISH_LINES VIETNAMESE_LINES [--lexicon PATH] [--scorer PATH] [--no-lexicon]</remarks>
internal static class RetrievalTest
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: retrieval ENGLISH_LINES VIETNAMESE_LINES [--lexicon PATH] [--scorer PATH] [--no-lexicon]");
            return 1;
        }

        var lexicon = Lexicon.Default;
        var model = ScorerModel.Default;
        for (var k = 2; k < args.Length; k++)
        {
            switch (args[k])
            {
                case "--lexicon":
                    using (var stream = File.OpenRead(args[++k]))
                    {
                        lexicon = Lexicon.Load(stream);
                    }

                    break;
                case "--scorer":
                    using (var stream = File.OpenRead(args[++k]))
                    {
                        model = ScorerModel.Load(stream);
                    }

                    break;
                case "--no-lexicon":
                    lexicon = Lexicon.Empty;
                    model = model with { Weights = [], ComparableWeights = [] };
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[k]}");
                    return 1;
            }
        }

        var english = File.ReadAllLines(args[0]).Select(l => Prepare(l, DetectedLanguage.English, lexicon)).ToArray();
        var vietnamese = File.ReadAllLines(args[1]).Select(l => Prepare(l, DetectedLanguage.Vietnamese, lexicon)).ToArray();
        var n = Math.Min(english.Length, vietnamese.Length);
        var scorer = new PairScorer(model);
        var clock = Stopwatch.StartNew();
        int top1 = 0, top5 = 0;
        for (var i = 0; i < n; i++)
        {
            var own = scorer.Score(english[i], vietnamese[i]);
            var better = 0;
            for (var j = 0; j < n; j++)
            {
                if (j != i && scorer.Score(english[i], vietnamese[j]) >= own)
                {
                    better++;
                }
            }

            top1 += better == 0 ? 1 : 0;
            top5 += better < 5 ? 1 : 0;
        }

        Console.WriteLine($"pairs {n}  top-1 {(double)top1 / n:P2}  top-5 {(double)top5 / n:P2}  ({n * (long)n:N0} scores in {clock.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    private static SentenceFeatures Prepare(string line, DetectedLanguage side, Lexicon lexicon)
    {
        var features = new DocumentPreparer(null, null, lexicon).Prepare(line, side).Features;
        return features.Length == 0 ? SentenceFeatures.Empty : features.Aggregate(SentenceFeatures.Combine);
    }
}
