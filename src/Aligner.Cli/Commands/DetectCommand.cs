using System.CommandLine;
using Aligner.Detection;
using Aligner.Input;
using Aligner.Output;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner detect [FILE...]</c>: labels paragraphs or lines as English, Vietnamese or unknown.</summary>
internal static class DetectCommand
{
    public static Command Create(CliIO io)
    {
        var files = new Argument<string[]>("FILE") { Description = "Text files or HTML pages; standard input when none is given.", Arity = ArgumentArity.ZeroOrMore };
        var encoding = TextInput.EncodingOption();
        var unit = new Option<string>("--unit", "-u")
        {
            Description = "What to label: paragraph (lines between blank lines) or line (every non-blank line).",
            DefaultValueFactory = _ => "paragraph",
        };
        unit.AcceptOnlyFromAmong("paragraph", "line");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var model = new Option<string?>("--model", "-m") { Description = "A model written by train-detector instead of the embedded one." };
        var command = new Command("detect", """
            Labels every non-blank paragraph or line as English (en), Vietnamese (vi, with "diacritics" true or false)
            or unknown, with a calibrated confidence, and writes one JSON object per unit:
              {"file":"a.txt","start":0,"end":57,"language":"vi","diacritics":false,"confidence":0.998}
            start/end are UTF-16 offsets into the file's decoded text (byte order mark removed); for an HTML page, into
            its source, with the paragraphs of its main text as units. A unit with confident
            sentences in both languages adds "mixed":true and "parts" with the same fields per part.

            Example:
              aligner detect seeds/001_95c7d294790140af.txt --unit line
            """)
        {
            files, unit, output, model, encoding,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var detector = LanguageDetector.Default;
            var modelPath = parse.GetValue(model);
            if (!string.IsNullOrEmpty(modelPath))
            {
                detector = ModelFiles.LoadDetector(modelPath);
            }

            var kind = parse.GetValue(unit) == "line" ? DetectionUnit.Line : DetectionUnit.Paragraph;
            var paths = parse.GetValue(files) ?? [];
            var textEncoding = TextInput.Encoding(parse.GetValue(encoding));
            var sources = new List<SourceText>();
            if (paths.Length == 0)
            {
                sources.Add(io.ReadStandardInput(textEncoding));
            }
            else
            {
                // Every file is read before anything is written, so bad input leaves no partial output.
                foreach (var path in paths)
                {
                    sources.Add(TextInput.Load(path, io, textEncoding));
                }
            }

            var counts = new int[3];
            using (var stream = io.OpenOutput(parse.GetValue(output)))
            {
                foreach (var source in sources)
                {
                    var detections = ToSource(source, detector.DetectAll(source.Content, kind));
                    foreach (var detection in detections)
                    {
                        counts[detection.Language == DetectedLanguage.English ? 0 : detection.Language == DetectedLanguage.Vietnamese ? 1 : 2]++;
                    }

                    DetectionJsonLinesWriter.Write(detections, source.Name, stream);
                }
            }

            var units = kind == DetectionUnit.Line ? "lines" : "paragraphs";
            io.Summary(parse, $"detect: {counts.Sum()} {units} in {sources.Count} files: {counts[0]} English, {counts[1]} Vietnamese, {counts[2]} unknown", counts.Sum() == 0);
        }));
        return command;
    }

    // Detections of an HTML page's content, with their ranges (and their parts') moved into its source.
    private static IReadOnlyList<LanguageDetection> ToSource(SourceText source, IReadOnlyList<LanguageDetection> detections)
    {
        if (source.Format == SourceFormat.PlainText)
        {
            return detections;
        }

        return [.. detections.Select(d => d with
        {
            Range = source.ToSource(d.Range),
            Parts = d.Parts is { Count: > 0 } parts ? [.. parts.Select(p => p with { Range = source.ToSource(p.Range) })] : d.Parts,
        })];
    }
}
