using Aligner.Normalization;
using Aligner.Segmentation;
using Aligner.Text;
using BenchmarkDotNet.Attributes;

namespace Aligner.Benchmarks.Segmentation;

/// <summary>Splits all the seeds, concatenated and repeated, into sentences.</summary>
[MemoryDiagnoser]
public class SplitBenchmarks
{
    private string raw = null!;
    private string normalised = null!;

    /// <summary>How many times the concatenated seeds (about 34 KB) are repeated.</summary>
    [Params(1, 30)]
    public int Repeats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var seeds = string.Join("\n\n", SeedCorpus.AllTexts());
        raw = string.Join("\n\n", Enumerable.Repeat(seeds, Repeats));
        normalised = NormalizedText.Create(raw).Text;
    }

    /// <summary>The sentence splitter on the normalised view, as the pipeline runs it.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<Sentence> Split() => SentenceSplitter.Split(normalised);

    /// <summary>The normalised view (NFC, spaces, invisibles, offset map) that the splitter runs on.</summary>
    [Benchmark]
    public NormalizedText Normalise() => NormalizedText.Create(raw);

    /// <summary>Paragraphs only.</summary>
    [Benchmark]
    public IReadOnlyList<TextRange> Paragraphs() => ParagraphSplitter.Split(normalised);
}
