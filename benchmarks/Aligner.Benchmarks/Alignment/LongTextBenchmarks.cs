using Aligner.Detection;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Preparation;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Aligner.Benchmarks.Alignment;

/// <summary>
/// The whole pipeline (text → beads) on real, long text: the seed story (English 000, Vietnamese 004, about 49 × 47
/// sentences) concatenated until a side has the given number of sentences, or the NTREX-128 dev documents (1,007 lines
/// a side, read from <c>../shared/data/ntrex128-en-vi</c> when it is there; the case is skipped otherwise) concatenated
/// the same way. One invocation per iteration, two iterations, no warm-up (the 100,000-sentence case takes minutes).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LongRunConfig))]
public class LongTextBenchmarks
{
    private SourceText english = null!;
    private SourceText vietnamese = null!;

    /// <summary>Which text is concatenated: seeds and ntrex, or those listed in ALIGNER_LONG_CORPORA (comma-separated).</summary>
    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "seeds";

    /// <summary>About this many sentences a side: 1,000, 10,000 and 100,000, or those listed in ALIGNER_LONG_SENTENCES.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Sentences { get; set; }

    public static IEnumerable<string> Corpora() =>
        Environment.GetEnvironmentVariable("ALIGNER_LONG_CORPORA")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ["seeds", "ntrex"];

    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("ALIGNER_LONG_SENTENCES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(size => int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)) ?? [1_000, 10_000, 100_000];

    [GlobalSetup]
    public void Setup()
    {
        var (en, vi, sentencesPerCopy) = Corpus == "seeds" ? Seeds() : Ntrex();
        var copies = Math.Max(1, (int)Math.Round(Sentences / (double)sentencesPerCopy));
        english = new SourceText(string.Join("\n\n", Enumerable.Repeat(en, copies)), "en.txt");
        vietnamese = new SourceText(string.Join("\n\n", Enumerable.Repeat(vi, copies)), "vi.txt");
        Console.WriteLine($"// {Corpus}: {copies} copies, {english.Text.Length:N0} + {vietnamese.Text.Length:N0} chars");
    }

    [Benchmark]
    public DocumentAlignment Align() => AlignmentPipeline.Default.Align(english, vietnamese);

    // In the benchmark's own process (no generated project to build, which a busy machine may not finish in time).
    private sealed class LongRunConfig : ManualConfig
    {
        public LongRunConfig() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(2)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private static (string English, string Vietnamese, int SentencesPerCopy) Seeds()
    {
        var en = SeedCorpus.Load(SeedCorpus.EnglishReport).Text;
        var vi = SeedCorpus.Load(SeedCorpus.VietnameseReport).Text;
        return (en, vi, new DocumentPreparer(null, null, null).Prepare(en, DetectedLanguage.English).Sentences.Count);
    }

    private static (string English, string Vietnamese, int SentencesPerCopy) Ntrex()
    {
        var folder = Path.Combine(Path.GetDirectoryName(SeedCorpus.Directory)!, "..", "shared", "data", "ntrex128-en-vi");
        if (!File.Exists(Path.Combine(folder, "dev.en")))
        {
            throw new FileNotFoundException($"The NTREX case needs {folder}/dev.en and dev.vi (evaluation data, not in the repository).");
        }

        var en = File.ReadAllText(Path.Combine(folder, "dev.en"));
        var vi = File.ReadAllText(Path.Combine(folder, "dev.vi"));
        return (en, vi, new DocumentPreparer(null, null, null).Prepare(en, DetectedLanguage.English).Sentences.Count);
    }
}
