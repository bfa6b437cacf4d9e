using System.Diagnostics;
using Aligner.Alignment;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Preparation;
using Aligner.Scoring;

namespace Aligner.Benchmarks.Profile;

/// <summary>
/// What the band search of one document pair takes: searches, pair scores and processor time, with the guided search
/// of long texts and with the full search (every bead in a band doubling around the diagonal, as before it), and
/// whether the two give the same beads. (Comparable text is linked by ComparableLinker, not searched in a band.)
/// </summary>
/// <example><c>dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- band-profile en.txt vi.txt</c></example>
internal static class BandProfile
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: band-profile ENGLISH_FILE VIETNAMESE_FILE");
            return 1;
        }

        var en = DocumentPreparer.Default.Prepare(SourceText.Load(args[0]), DetectedLanguage.English).Features;
        var vi = DocumentPreparer.Default.Prepare(SourceText.Load(args[1]), DetectedLanguage.Vietnamese).Features;
        Console.WriteLine($"{en.Length:N0} × {vi.Length:N0} sentences");
        foreach (var (name, scorer, options, english, vietnamese) in new[] { ("translation", PairScorer.Default, AlignmentOptions.Default, en, vi) })
        {
            IReadOnlyList<Bead>? previous = null;
            foreach (var (search, guided) in new[] { ("full", long.MaxValue), ("guided", BeadAligner.DefaultGuidedCells) })
            {
                var aligner = new BeadAligner(scorer, options) { GuidedCells = guided };
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var beads = aligner.Align(english, vietnamese, out var searches, out var pairScores);
                var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var same = previous is null ? string.Empty : beads.SequenceEqual(previous) ? ", same beads as full" : ", beads differ from full";
                Console.WriteLine($"{name,-12} {search,-7}: {searches} searches, {pairScores:N0} pair scores, {spent.TotalSeconds:F2} s CPU, {beads.Count(b => b.EnglishCount > 0 && b.VietnameseCount > 0):N0} pairs{same}");
                previous = beads;
            }
        }

        return 0;
    }
}
