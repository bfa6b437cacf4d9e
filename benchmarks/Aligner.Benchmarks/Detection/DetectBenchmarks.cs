using System.Text;
using Aligner.Detection;
using BenchmarkDotNet.Attributes;

namespace Aligner.Benchmarks.Detection;

/// <summary>
/// Language detection over all the seeds (English, Vietnamese with diacritics, captions without diacritics),
/// concatenated and repeated to about 1 MB of UTF-8 text (about 34 KB per repeat). Throughput in MB/s is the UTF-8
/// size (printed by <see cref="Setup"/>) divided by the mean time.
/// </summary>
[MemoryDiagnoser]
public class DetectBenchmarks
{
    private string text = null!;
    private LanguageDetector withoutMixed = null!;

    /// <summary>How many times the concatenated seeds are repeated.</summary>
    [Params(1, 30)]
    public int Repeats { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var seeds = string.Join("\n\n", SeedCorpus.AllTexts());
        text = string.Join("\n\n", Enumerable.Repeat(seeds, Repeats));
        withoutMixed = LanguageDetector.Create(LanguageModel.Default, LanguageDetectorOptions.Default with { FindMixedParts = false });
        _ = LanguageDetector.Default.Detect(text);
        Console.WriteLine($"// {Encoding.UTF8.GetByteCount(text):N0} bytes of UTF-8, {text.Length:N0} UTF-16 chars");
    }

    /// <summary>The whole text as one span: the scanning and scoring kernel alone.</summary>
    [Benchmark(Baseline = true)]
    public LanguageDetection Span() => LanguageDetector.Default.Detect(text);

    /// <summary>Every non-blank line, without looking for mixed parts (what the aligner needs per paragraph).</summary>
    [Benchmark]
    public IReadOnlyList<LanguageDetection> Lines() => withoutMixed.DetectAll(text, DetectionUnit.Line);

    /// <summary>Every non-blank line, each also split into sentences to find mixed parts (what <c>aligner detect --unit line</c> does).</summary>
    [Benchmark]
    public IReadOnlyList<LanguageDetection> LinesWithMixedParts() => LanguageDetector.Default.DetectAll(text, DetectionUnit.Line);

    /// <summary>Every paragraph (block between blank lines), with mixed parts (<c>aligner detect</c>).</summary>
    [Benchmark]
    public IReadOnlyList<LanguageDetection> ParagraphsWithMixedParts() => LanguageDetector.Default.DetectAll(text, DetectionUnit.Paragraph);
}
