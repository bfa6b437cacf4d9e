using System.Text;
using Aligner.Detection;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Preparation;
using Aligner.Scoring;
using BenchmarkDotNet.Attributes;

namespace Aligner.Benchmarks.Alignment;

/// <summary>
/// Aligns synthetic English–Vietnamese document pairs of a given number of sentences per side, built from the seed
/// story's sentence pairs in random order, with about 3% of sentences deleted from each side and 2% unrelated
/// sentences inserted into each side (so the path leaves the diagonal).
/// </summary>
[MemoryDiagnoser]
public class AlignBenchmarks
{
    private SourceText english = null!;
    private SourceText vietnamese = null!;
    private IReadOnlyList<SentenceFeatures> englishFeatures = null!;
    private IReadOnlyList<SentenceFeatures> vietnameseFeatures = null!;
    private BeadAligner aligner = null!;

    /// <summary>Number of sentences per side, before deletions and insertions.</summary>
    [Params(100, 1_000, 10_000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (pairs, unmatchedEnglish, unmatchedVietnamese) = SeedCorpus.StoryMaterial();
        var random = new Random(20240921);
        var en = new List<string>(Sentences);
        var vi = new List<string>(Sentences);
        for (var k = 0; k < Sentences; k++)
        {
            var (e, v) = pairs[random.Next(pairs.Count)];
            var roll = random.NextDouble();
            if (roll >= 0.03)
            {
                en.Add(e);
            }

            if (roll < 0.03 || roll >= 0.06)
            {
                vi.Add(v);
            }

            if (random.NextDouble() < 0.02)
            {
                en.Add(unmatchedEnglish[random.Next(unmatchedEnglish.Count)]);
            }

            if (random.NextDouble() < 0.02)
            {
                vi.Add(unmatchedVietnamese[random.Next(unmatchedVietnamese.Count)]);
            }
        }

        english = new SourceText(Document(en, random), "en.txt");
        vietnamese = new SourceText(Document(vi, random), "vi.txt");
        englishFeatures = new DocumentPreparer(null, null, Lexicon.Default).Prepare(english.Text, DetectedLanguage.English).Features;
        vietnameseFeatures = new DocumentPreparer(null, null, Lexicon.Default).Prepare(vietnamese.Text, DetectedLanguage.Vietnamese).Features;
        aligner = new BeadAligner(PairScorer.Default);
    }

    /// <summary>The whole pipeline: normalised view, sentences, features and the banded search.</summary>
    [Benchmark(Baseline = true)]
    public DocumentAlignment Pipeline() => AlignmentPipeline.Default.Align(english, vietnamese);

    /// <summary>The banded dynamic-programming search alone, on features computed once.</summary>
    [Benchmark]
    public IReadOnlyList<Bead> BeadsOnly() => aligner.Align(englishFeatures, vietnameseFeatures);

    // Paragraphs of one to four sentences, one per line, as in text taken from news pages.
    private static string Document(List<string> sentences, Random random)
    {
        var builder = new StringBuilder();
        var k = 0;
        while (k < sentences.Count)
        {
            var count = Math.Min(random.Next(1, 5), sentences.Count - k);
            builder.AppendJoin(' ', sentences.Skip(k).Take(count)).Append("\n\n");
            k += count;
        }

        return builder.ToString();
    }
}
