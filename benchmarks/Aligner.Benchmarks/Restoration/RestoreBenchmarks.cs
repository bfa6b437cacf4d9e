using System.Text;
using Aligner.Normalization;
using Aligner.Restoration;
using BenchmarkDotNet.Attributes;

namespace Aligner.Benchmarks.Restoration;

/// <summary>
/// Restores the diacritics of Vietnamese typed without them: the lines of seed 004 (a VietnamPlus article), folded
/// to bare letters and drawn in random order until the text has the given number of syllables (whitespace tokens).
/// Syllables per second = <see cref="Syllables"/> / mean time. One thread. <see cref="RestoreBare"/> is the default
/// restorer (the text's own cache, two passes).
/// </summary>
[MemoryDiagnoser]
public class RestoreBenchmarks
{
    private string bare = null!;
    private string accented = null!;
    private DiacriticRestorer restorer = null!;
    private DiacriticRestorer onePass = null!;

    /// <summary>Number of syllables in the text.</summary>
    [Params(1_000, 100_000)]
    public int Syllables { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        restorer = DiacriticRestorer.Default;
        onePass = new DiacriticRestorer(restorer.Model, DiacriticRestorerOptions.Default with { SelfCacheWeight = 0 }, restorer.Detector);
        var lines = NormalizedText.Create(SeedCorpus.Load(SeedCorpus.VietnameseReport).Text).Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var random = new Random(4);
        var builder = new StringBuilder();
        var count = 0;
        while (count < Syllables)
        {
            var line = lines[random.Next(lines.Length)];
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var take = Math.Min(words.Length, Syllables - count);
            builder.AppendJoin(' ', words.Take(take)).Append('\n');
            count += take;
        }

        accented = builder.ToString();
        bare = VietnameseFolding.Fold(accented);
    }

    /// <summary>Bare Vietnamese: every syllable decoded.</summary>
    [Benchmark(Baseline = true)]
    public string RestoreBare() => restorer.Restore(bare);

    /// <summary>Bare Vietnamese with the document cache of the same text with its diacritics (built in the call).</summary>
    [Benchmark]
    public string RestoreBareWithCache() => restorer.Restore(bare, restorer.CreateCache(accented));

    /// <summary>Bare Vietnamese in one pass, without any cache (as before the document cache).</summary>
    [Benchmark]
    public string RestoreBareOnePass() => onePass.Restore(bare, cache: null);

    /// <summary>The same text with its diacritics: checked and left alone.</summary>
    [Benchmark]
    public string RestoreAccented() => restorer.Restore(accented);

    /// <summary>Bare Vietnamese with a confidence for every syllable.</summary>
    [Benchmark]
    public int AnalyzeBare() => restorer.Analyze(bare).Syllables.Count;
}

/// <summary>Loads the embedded restoration model (decompression, vocabulary, hash tables).</summary>
[MemoryDiagnoser]
public class RestorerModelBenchmarks
{
    [Benchmark]
    public int LoadEmbeddedModel() => DiacriticRestorer.LoadDefaultModel().VocabularySize;
}
