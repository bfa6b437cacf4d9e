using System.Diagnostics;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Preparation;
using Aligner.Scoring;

namespace Aligner.Benchmarks.Profile;

/// <summary>
/// The cost of one pair score on real text: the four pair beads (1-1, 2-1, 1-2, 2-2) of every cell within 40 sentences of
/// the diagonal of two prepared documents, in the aligner's order, scored on one thread by the translation scorer and by the comparable-text scorer, with the processor
/// time of the process (less sensitive to other work on the machine than the wall clock).
/// </summary>
/// <example><c>dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- score-profile en.txt vi.txt [RUNS [translation|comparable]]</c></example>
internal static class ScoreProfile
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: score-profile ENGLISH_FILE VIETNAMESE_FILE [RUNS [translation|comparable]]");
            return 1;
        }

        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var english = SourceText.Load(args[0]);
        var vietnamese = SourceText.Load(args[1]);
        var en = DocumentPreparer.Default.Prepare(english, DetectedLanguage.English).Features;
        var vi = DocumentPreparer.Default.Prepare(vietnamese, DetectedLanguage.Vietnamese).Features;
        Console.WriteLine($"English: {en.Length:N0} sentences, {en.Average(f => f.Lexical.Positions):F1} words, {en.Average(f => f.Lexical.Units.Length):F1} units, {en.Average(f => f.Lexical.Expanded.Length):F1} translations a sentence");
        Console.WriteLine($"Vietnamese: {vi.Length:N0} sentences, {vi.Average(f => f.Lexical.Positions):F1} syllables, {vi.Average(f => f.Lexical.Units.Length):F1} units, {vi.Average(f => f.Lexical.Expanded.Length):F1} translations a sentence");
        Console.WriteLine($"lexicon: {Lexicon.Default.EnglishCount:N0} English words, {Lexicon.Default.VietnameseCount:N0} Vietnamese units");
        var translation = PairScorer.Default;
        var comparable = translation.ForComparableText();
        var enPairs = Enumerable.Range(0, en.Length - 1).Select(i => SentenceFeatures.Combine(en[i], en[i + 1])).ToArray();
        var viPairs = Enumerable.Range(0, vi.Length - 1).Select(j => SentenceFeatures.Combine(vi[j], vi[j + 1])).ToArray();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var (name, scorer) in new[] { ("translation", translation), ("comparable", comparable) }.Where(s => args.Length <= 3 || s.Item1 == args[3]))
            {
                // As the aligner's band asks: for each cell (i, j), the beads 1-1, 2-1, 1-2 and 2-2 ending there.
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var pairs = 0L;
                var sum = 0.0;
                for (var i = 2; i <= en.Length; i++)
                {
                    var centre = (int)((long)i * vi.Length / en.Length);
                    for (var j = Math.Max(2, centre - 40); j <= Math.Min(vi.Length, centre + 40); j++)
                    {
                        sum += scorer.Score(en[i - 1], vi[j - 1]);
                        sum += scorer.Score(enPairs[i - 2], vi[j - 1]);
                        sum += scorer.Score(en[i - 1], viPairs[j - 2]);
                        sum += scorer.Score(enPairs[i - 2], viPairs[j - 2]);
                        pairs += 4;
                    }
                }

                var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"run {run} {name,-12}: {pairs:N0} pair scores, {spent.TotalMilliseconds * 1000 / pairs:F3} µs CPU each (checksum {sum:R})");
            }
        }

        return 0;
    }
}
