using System.Globalization;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Preparation;
using Aligner.Scoring;

namespace Aligner.Benchmarks.Profile;

/// <summary>
/// Every English sentence (and pair of neighbours) against every Vietnamese sentence (and pair of neighbours) of two
/// documents: ranges, translation score, comparable features and link probability, one TSV row each. For studying the
/// scorer on evaluation pages in a script; not a timing.
/// </summary>
/// <example><c>dotnet run -c Release --project benchmarks/Aligner.Benchmarks -- pair-dump en.txt vi.txt &gt; pairs.tsv</c></example>
internal static class PairDump
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: pair-dump ENGLISH_FILE VIETNAMESE_FILE [OUTPUT_FOLDER] (with a folder: every *_en.txt against every *_vi.txt, one-to-one rows only)");
            return 1;
        }

        if (args.Length > 2)
        {
            var folder = args[2];
            var englishFiles = Directory.GetFiles(args[0], "*_en.txt").Order(StringComparer.Ordinal).ToArray();
            var vietnameseFiles = Directory.GetFiles(args[1], "*_vi.txt").Order(StringComparer.Ordinal).ToArray();
            var preparedEnglish = englishFiles.Select(f => DocumentPreparer.Default.Prepare(SourceText.Load(f), DetectedLanguage.English)).ToArray();
            var preparedVietnamese = vietnameseFiles.Select(f => DocumentPreparer.Default.Prepare(SourceText.Load(f), DetectedLanguage.Vietnamese)).ToArray();
            for (var a = 0; a < englishFiles.Length; a++)
            {
                for (var b = 0; b < vietnameseFiles.Length; b++)
                {
                    var name = $"{Path.GetFileName(englishFiles[a])[..^7]}_{Path.GetFileName(vietnameseFiles[b])[..^7]}.tsv";
                    using var writer = new StreamWriter(Path.Combine(folder, name));
                    Dump(preparedEnglish[a], preparedVietnamese[b], writer, 1);
                }
            }

            return 0;
        }

        Dump(
            DocumentPreparer.Default.Prepare(SourceText.Load(args[0]), DetectedLanguage.English),
            DocumentPreparer.Default.Prepare(SourceText.Load(args[1]), DetectedLanguage.Vietnamese),
            Console.Out,
            2);
        return 0;
    }

    private static void Dump(PreparedText english, PreparedText vietnamese, TextWriter output, int largest)
    {
        var (en, vi) = DocumentKeys.WithUniqueKeys(english.Features, vietnamese.Features);
        var translation = PairScorer.Default;
        var comparable = translation.ForComparableText();
        var names = PairScorer.ComparableFeatureNames.Select(n => n.Replace(' ', '_'));
        output.WriteLine("i\tni\tj\tnj\ten_start\ten_end\tvi_start\tvi_end\ten_skip\tvi_skip\ttranslation\tlink\t" + string.Join('\t', names));
        Span<double> x = stackalloc double[PairScorer.ComparableFeatureNames.Count];
        for (var i = 0; i < en.Length; i++)
        {
            for (var ni = 1; ni <= largest && i + ni <= en.Length; ni++)
            {
                var e = SentenceFeatures.Span(en, i, ni);
                var enStart = english.Sentences[i].Range.Start;
                var enEnd = english.Sentences[i + ni - 1].Range.End;
                for (var j = 0; j < vi.Length; j++)
                {
                    for (var nj = 1; nj <= largest && j + nj <= vi.Length; nj++)
                    {
                        var v = SentenceFeatures.Span(vi, j, nj);
                        var viStart = vietnamese.Sentences[j].Range.Start;
                        var viEnd = vietnamese.Sentences[j + nj - 1].Range.End;
                        comparable.ComparableFeatures(e, v, x);
                        var skipEn = e.IsFurniture || e.IsOtherLanguage ? 1 : 0;
                        var skipVi = v.IsFurniture || v.IsOtherLanguage ? 1 : 0;
                        output.Write(string.Create(CultureInfo.InvariantCulture, $"{i}\t{ni}\t{j}\t{nj}\t{enStart}\t{enEnd}\t{viStart}\t{viEnd}\t{skipEn}\t{skipVi}\t{translation.Score(e, v):F4}\t{translation.LinkProbability(e, v):F4}"));
                        foreach (var value in x)
                        {
                            output.Write(string.Create(CultureInfo.InvariantCulture, $"\t{value:F4}"));
                        }

                        output.WriteLine();
                    }
                }
            }
        }
    }
}
