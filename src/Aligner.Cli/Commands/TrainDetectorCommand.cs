using System.CommandLine;
using System.IO.Compression;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Training;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner train-detector</c>: trains the English/Vietnamese detector on your own text.</summary>
internal static class TrainDetectorCommand
{
    public static Command Create(CliIO io)
    {
        var english = new Option<string[]>("--english", "-e") { Description = "English text files, one sentence or paragraph per line (.gz allowed).", Required = true, AllowMultipleArgumentsPerToken = true };
        var vietnamese = new Option<string[]>("--vietnamese", "-v") { Description = "Vietnamese text files with diacritics, one sentence or paragraph per line (.gz allowed).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output", "-o") { Description = "Write the model (binary) to this file.", Required = true };
        var note = new Option<string>("--name") { Description = "A note of the corpora, stored in the model.", DefaultValueFactory = _ => "" };
        var maxLines = new Option<int>("--max-lines") { Description = "Use at most this many lines of each language, taken evenly from the files (0: all).", DefaultValueFactory = _ => 0 };
        var smoothing = new Option<double>("--smoothing")
        {
            Description = "Additive smoothing of the counts; smaller (0.01) for corpora of a few thousand words, so that words seen once count as known.",
            DefaultValueFactory = _ => LanguageDetectorTrainingOptions.Default.Smoothing,
        };
        var command = new Command("train-detector", """
            Trains the English/Vietnamese language detector (hashed character n-grams and words, naive Bayes, with
            the confidence calibrated on held-out lines) and writes it as a binary model for `detect --model`.

            Example:
              aligner train-detector -e en.txt -v vi.txt.gz --name "my corpus" -o detector.bin
            """)
        {
            english, vietnamese, output, note, maxLines, smoothing,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var limit = parse.GetValue(maxLines);
            if (limit < 0)
            {
                throw new InvalidDataException($"--max-lines: must not be negative (got {limit})");
            }

            var smooth = parse.GetValue(smoothing);
            if (!(smooth > 0))
            {
                throw new InvalidDataException($"--smoothing: must be positive (got {smooth})");
            }

            var en = ReadLines(parse.GetRequiredValue(english), limit);
            var vi = ReadLines(parse.GetRequiredValue(vietnamese), limit);
            LanguageModel model;
            try
            {
                model = LanguageDetectorTrainer.TrainModel(en, vi, LanguageDetectorTrainingOptions.Default with { Name = parse.GetValue(note) ?? "", Smoothing = smooth });
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{string.Join(", ", ex.ParamName == "english" ? parse.GetRequiredValue(english) : parse.GetRequiredValue(vietnamese))}: {ex.Message}", ex);
            }

            using var stream = io.OpenOutput(parse.GetRequiredValue(output));
            model.Save(stream);
        }));
        return command;
    }

    private static List<string> ReadLines(string[] paths, int limit)
    {
        var lines = new List<string>();
        foreach (var path in paths)
        {
            var text = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(path) : SourceText.Load(path).Text;
            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0)
                {
                    lines.Add(trimmed);
                }
            }
        }

        if (limit == 0 || lines.Count <= limit)
        {
            return lines;
        }

        // Evenly spaced lines keep every file and article represented.
        var step = lines.Count / (double)limit;
        var picked = new List<string>(limit);
        for (var i = 0; i < limit; i++)
        {
            picked.Add(lines[(int)(i * step)]);
        }

        return picked;
    }

    private static string Gunzip(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file");
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            if (buffer.Length > SourceText.MaxFileBytes)
            {
                throw new InvalidDataException($"{path}: too large when decompressed (limit {SourceText.MaxFileBytes:N0} bytes)");
            }

            return SourceText.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), path);
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: not valid gzip ({ex.Message})", ex);
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"{path}: cannot be read as gzip ({ex.Message})", ex);
        }
    }
}
