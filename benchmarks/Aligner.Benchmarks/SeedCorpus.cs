using Aligner.Alignment;
using Aligner.Input;

namespace Aligner.Benchmarks;

/// <summary>
/// The repository's seed documents, found by walking up from the benchmark's folder to the <c>seeds</c> folder
/// (BenchmarkDotNet runs each benchmark from a generated project below the build output).
/// </summary>
internal static class SeedCorpus
{
    public const string EnglishReport = "000_06a9cf74ceb7c5dd.txt";

    public const string VietnameseReport = "004_97cab69a675f2a31.txt";

    public static string Directory { get; } = FindSeeds();

    public static SourceText Load(string name) => SourceText.Load(Path.Combine(Directory, name));

    /// <summary>The text of every seed, in file-name order.</summary>
    public static IReadOnlyList<string> AllTexts() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal).Select(p => SourceText.Load(p).Text)];

    /// <summary>
    /// Sentence pairs of the seed story (English 000, Vietnamese 004) that the aligner pairs 1-1 with confidence, and
    /// the sentences it leaves unmatched: material for synthetic parallel documents.
    /// </summary>
    public static (List<(string English, string Vietnamese)> Pairs, List<string> UnmatchedEnglish, List<string> UnmatchedVietnamese) StoryMaterial()
    {
        var alignment = AlignmentPipeline.Default.Align(Load(EnglishReport), Load(VietnameseReport));
        var pairs = new List<(string, string)>();
        var unmatchedEnglish = new List<string>();
        var unmatchedVietnamese = new List<string>();
        foreach (var bead in alignment.Beads)
        {
            var en = alignment.EnglishRange(bead)?.Substring(alignment.English.Text);
            var vi = alignment.VietnameseRange(bead)?.Substring(alignment.Vietnamese.Text);
            switch (bead.Kind)
            {
                case BeadKind.OneToOne when bead.Score > 0.5:
                    pairs.Add((en!, vi!));
                    break;
                case BeadKind.OneToZero:
                    unmatchedEnglish.Add(en!);
                    break;
                case BeadKind.ZeroToOne:
                    unmatchedVietnamese.Add(vi!);
                    break;
            }
        }

        if (pairs.Count == 0 || unmatchedEnglish.Count == 0 || unmatchedVietnamese.Count == 0)
        {
            throw new InvalidOperationException("The seed alignment gave no material for synthetic documents.");
        }

        return (pairs, unmatchedEnglish, unmatchedVietnamese);
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "*.txt").Any())
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No 'seeds' folder with .txt files above {AppContext.BaseDirectory}.");
    }
}
