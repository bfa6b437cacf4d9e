using System.Xml.Linq;
using Aligner.Scoring;
using Aligner.Restoration;
using Aligner.Alignment;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Matching;
using Aligner.Output;
using Aligner.Preparation;
using Aligner.Tests.Support;
using FluentAssertions;

namespace Aligner.Tests;

/// <summary>The library example of README.md, verbatim: it must compile and run.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ReadmeExampleTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Test]
    public void ReadmeLibraryExample_OnTheSeeds_WritesTmxAndHtml()
    {
        File.Copy(Seeds.PathOf(Seeds.EnglishReport), temp.File("en.txt"));
        File.Copy(Seeds.PathOf(Seeds.VietnameseReport), temp.File("vi.txt"));
        File.Copy(Seeds.PathOf(Seeds.MixedPage), temp.File("page.txt"));
        var previous = Environment.CurrentDirectory;
        var console = Console.Out;
        using var printed = new StringWriter();
        Environment.CurrentDirectory = temp.Path;
        Console.SetOut(printed);
        try
        {
            Example();
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = previous;
        }

        printed.ToString().Should().Contain("1-1");
        printed.ToString().Should().Contain("↔", "the seeds hold matching passages");
        XDocument.Load(temp.File("memory.tmx")).Descendants("tu").Should().NotBeEmpty();
        File.ReadAllText(temp.File("review.html")).Should().Contain("data-ready");
    }

    [Test]
    public void ReadmeLibraryExample_IsTheCodeThisTestRuns()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("## Library\n\n```csharp\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        var block = readme[start..readme.IndexOf("```\n", start + 20, StringComparison.Ordinal)];
        var code = string.Join("\n", block.Split('\n').Where(l => l.Length > 0 && !(l.StartsWith("using ", StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal)) && !l.StartsWith("```", StringComparison.Ordinal) && !l.StartsWith("## ", StringComparison.Ordinal)));
        var source = File.ReadAllText(Path.Combine(Repository.Root(), "tests", "Aligner.Tests", "ReadmeExampleTests.cs")).ReplaceLineEndings("\n");
        const string Opening = "private static void Example()\n    {\n";
        var body = source[(source.IndexOf(Opening, StringComparison.Ordinal) + Opening.Length)..source.LastIndexOf("\n    }\n}", StringComparison.Ordinal)];
        var tested = string.Join("\n", body.Split('\n').Where(l => l.Length > 0).Select(l => l.StartsWith("        ", StringComparison.Ordinal) ? l[8..] : l));

        tested.Should().Be(code, "README's library example is the code this test compiles and runs");
    }

    private static void Example()
    {
        var alignment = Bitext.AlignFiles("en.txt", "vi.txt");
        foreach (var bead in alignment.Beads)
        {
            // Each side's text (null when the bead has none), its range in the file, and the probability of the pair.
            Console.WriteLine($"{bead.Label} {bead.Score:F2} {alignment.EnglishRange(bead)} {alignment.EnglishText(bead)} ⇔ {alignment.VietnameseText(bead)}");
        }

        // Language of each line (English, Vietnamese with or without diacritics, unknown; mixed parts); DetectParagraphs for blocks.
        foreach (var d in LanguageDetector.Default.DetectLines(File.ReadAllText("page.txt")))
        {
            Console.WriteLine($"{d.Range} {d.LanguageCode} diacritics={d.HasDiacritics} {d.Confidence:F3}");
        }

        // Your own options or models: build a pipeline once, reuse it (immutable, thread-safe). The document stage takes a
        // detector, restorer and lexicon (LanguageDetector.Load, DiacriticRestorer.Create, Lexicon.Load read the files of the train-*
        // commands; LanguageDetector.Train, DiacriticRestorer.Train, Lexicon.Train and ScorerModel.Train, in Aligner.Training, train them in code).
        var preparer = new DocumentPreparer(LanguageDetector.Default, DiacriticRestorer.Default, Lexicon.Default);
        var pipeline = AlignmentPipeline.Create(AlignmentOptions.Default with { Unmatched = 0.1 }, preparer: preparer);
        var result = pipeline.Align(SourceText.Load("en.txt"), SourceText.Load("vi.txt"));

        // The formats behind --format, to any Stream.
        using (var tmx = File.Create("memory.tmx"))
        {
            AlignmentWriter.Tmx.Write(result, tmx);
        }

        using (var html = File.Create("review.html"))
        {
            AlignmentWriter.Html.Write(result, html);
        }

        // Passages that have a translation among many files (progress and cancellation for long runs).
        var files = Directory.GetFiles(".", "*.txt").Order().Select(SourceText.Load).ToList();
        foreach (var passage in PassageMatcher.Default.Match(files, new Progress<MatchProgress>(p => Console.Error.WriteLine($"{p.Stage} {p.Done}/{p.Total}"))))
        {
            foreach (var pair in passage.Pairs)
            {
                Console.WriteLine($"{passage.Id} {passage.English.Name} {pair.English} ↔ {passage.Vietnamese.Name} {pair.Vietnamese} {pair.Score:F2}");
            }
        }
    }
}
