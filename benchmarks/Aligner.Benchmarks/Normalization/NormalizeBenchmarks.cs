using Aligner.Normalization;
using BenchmarkDotNet.Attributes;

namespace Aligner.Benchmarks.Normalization;

/// <summary>The Vietnamese normalised view (legacy check, NFC, spaces, tone placement) of seed 004 repeated.</summary>
[MemoryDiagnoser]
public class NormalizeBenchmarks
{
    private string text = null!;
    private VietnameseNormalizer normalizer = null!;

    /// <summary>Copies of seed 004 (about 9 KB each).</summary>
    [Params(1, 100)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        text = string.Concat(Enumerable.Repeat(SeedCorpus.Load(SeedCorpus.VietnameseReport).Text, Copies));
        normalizer = new VietnameseNormalizer(VietnameseNormalizerOptions.Default with { ToneStyle = ToneMarkStyle.Old });
    }

    [Benchmark]
    public NormalizedText NormalizeOldStyle() => normalizer.Normalize(text);
}
