using System.Xml.Linq;
using Aligner.Alignment;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Matching;
using Aligner.Output;
using Aligner.Tests.Support;
using Aligner.Text;
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

    private static void Example()
    {
        var alignment = Bitext.AlignFiles("en.txt", "vi.txt");
        foreach (var bead in alignment.Beads)
        {
            TextRange? en = alignment.EnglishRange(bead);
            TextRange? vi = alignment.VietnameseRange(bead);
            Console.WriteLine($"{bead.Kind.Label()} {bead.Score:F2} {en} {vi}");
        }

        // Language of each paragraph (English, Vietnamese with or without diacritics, unknown; mixed parts).
        foreach (var d in LanguageDetector.Default.DetectAll(File.ReadAllText("page.txt"), DetectionUnit.Line))
        {
            Console.WriteLine($"{d.Range} {d.Language.Code()} diacritics={d.HasDiacritics} {d.Confidence:F3}");
        }

        // Your own options or scorer model: build a pipeline once, reuse it (immutable, thread-safe).
        var pipeline = AlignmentPipeline.Create(AlignmentOptions.Default with { Unmatched = 0.1 });
        var result = pipeline.Align(SourceText.Load("en.txt"), SourceText.Load("vi.txt"));

        // The writers behind --format: JsonLinesWriter, TsvWriter, TmxWriter, HtmlWriter (any Stream).
        using (var tmx = File.Create("memory.tmx"))
        {
            TmxWriter.Write(result, tmx);
        }

        using (var html = File.Create("review.html"))
        {
            HtmlWriter.Write(result, html);
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
