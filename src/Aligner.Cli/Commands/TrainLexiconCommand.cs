using System.CommandLine;
using System.IO.Compression;
using Aligner.Input;
using Aligner.Training;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner train-lexicon EN VI [EN VI ...]</c>: trains the bilingual lexicon with IBM Model 1.</summary>
internal static class TrainLexiconCommand
{
    public static Command Create(CliIO io)
    {
        var files = new Argument<string[]>("FILES")
        {
            Description = "Pairs of line-parallel files: English, then Vietnamese, then the next pair (.gz is read as gzip).",
            Arity = new ArgumentArity(2, 1000),
        };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the lexicon.", Required = true };
        var note = new Option<string>("--name") { Description = "A note of the corpora, stored in the lexicon.", DefaultValueFactory = _ => "" };
        var iterations = new Option<int>("--iterations") { Description = "EM iterations in each direction.", DefaultValueFactory = _ => LexiconTrainingOptions.Default.Iterations };
        var minimumMass = new Option<double>("--min-mass") { Description = "Words whose kept translations add up to less get none.", DefaultValueFactory = _ => LexiconTrainingOptions.Default.MinimumMass };
        var command = new Command("train-lexicon", """
            Trains the English–Vietnamese lexicon (IBM Model 1, both directions) from line-parallel files and writes it
            as a binary file that the scorer loads.

            Example:
              aligner train-lexicon corpus.en corpus.vi dict.en dict.vi -o lexicon.bin --name "my corpora"
            """)
        {
            files, output, note, iterations, minimumMass,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var paths = parse.GetRequiredValue(files);
            if (paths.Length % 2 != 0)
            {
                throw new InvalidDataException($"{paths[^1]}: files come in pairs (English, Vietnamese); this one has no partner");
            }

            var pairs = new List<(string, string)>();
            for (var k = 0; k < paths.Length; k += 2)
            {
                var en = ReadLines(paths[k]);
                var vi = ReadLines(paths[k + 1]);
                if (en.Length != vi.Length)
                {
                    throw new InvalidDataException($"{paths[k + 1]}: has {vi.Length} lines but {paths[k]} has {en.Length}");
                }

                for (var i = 0; i < en.Length; i++)
                {
                    pairs.Add((en[i], vi[i]));
                }
            }

            var progress = io.ErrorIsTerminal ? new LineProgress(io.Error) : null; // progress only where a person watches
            var options = LexiconTrainingOptions.Default with { Iterations = parse.GetValue(iterations), MinimumMass = parse.GetValue(minimumMass) };
            if (options.Iterations is < 1 or > 100 || options.MinimumMass is < 0 or > 1)
            {
                throw new InvalidDataException("--iterations must be 1 to 100 and --min-mass 0 to 1");
            }

            var lexicon = LexiconTrainer.Train(pairs, options, parse.GetValue(note) ?? "", progress);
            using var stream = io.OpenOutput(parse.GetRequiredValue(output));
            lexicon.Save(stream);
            io.Error.WriteLine($"{lexicon.EnglishCount:N0} English words, {lexicon.VietnameseCount:N0} Vietnamese units");
        }));
        return command;
    }

    /// <summary>Reads the lines of a text file, gunzipping it when its name ends in .gz.</summary>
    internal static string[] ReadLines(string path)
    {
        string text;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            text = SourceText.Decode(buffer.ToArray(), path);
        }
        else
        {
            text = SourceText.Load(path).Text;
        }

        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return [.. lines.Take(count).Select(l => l.TrimEnd('\r'))];
    }
}
