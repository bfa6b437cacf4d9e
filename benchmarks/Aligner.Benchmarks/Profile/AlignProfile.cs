using System.Diagnostics;
using Aligner.Alignment;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Output;
using Aligner.Preparation;

namespace Aligner.Benchmarks.Profile;

/// <summary>
/// Where the time of one <c>aligner align</c> run goes: reading, model loading, each pipeline stage and writing,
/// measured with a stopwatch in one process (the first run, as the command line pays it, then warm runs).
/// </summary>
/// <example><c>dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- profile en.txt vi.txt [RUNS]</c></example>
internal static class AlignProfile
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: profile ENGLISH_FILE VIETNAMESE_FILE [RUNS]");
            return 1;
        }

        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        for (var run = 1; run <= runs; run++)
        {
            var times = new StageTimes();
            var total = Stopwatch.StartNew();
            var start = StageTimes.Start();
            var english = SourceText.Load(args[0]);
            var vietnamese = SourceText.Load(args[1]);
            times.Add("reading (UTF-8 decoding)", start);
            start = StageTimes.Start();
            _ = Scoring.Lexicon.Default;
            times.Add("loading the lexicon (first run only)", start);
            start = StageTimes.Start();
            var pipeline = AlignmentPipeline.Default;
            times.Add("loading the scorer (first run only)", start);
            start = StageTimes.Start();
            _ = LanguageDetector.Default;
            times.Add("loading the detector (first run only)", start);
            var alignment = pipeline.Align(english, vietnamese, times);
            start = StageTimes.Start();
            using (var output = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.DeleteOnClose))
            {
                JsonLinesWriter.Write(alignment, output);
            }

            times.Add("writing JSONL", start);
            total.Stop();
            Console.WriteLine($"run {run}: {alignment.English.Text.Length:N0} + {alignment.Vietnamese.Text.Length:N0} chars, {alignment.Beads.Count:N0} beads, {total.Elapsed.TotalSeconds:F2} s");
            foreach (var (stage, time) in times.Totals())
            {
                Console.WriteLine($"  {stage,-45} {time.TotalMilliseconds,9:N0} ms  {100 * time / total.Elapsed,5:F1} %");
            }
        }

        return 0;
    }
}
