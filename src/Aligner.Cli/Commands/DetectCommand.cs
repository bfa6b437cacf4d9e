using System.CommandLine;
using Aligner.Detection;
using Aligner.IO;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner detect [FILE...]</c>: labels paragraphs or lines as English, Vietnamese or unknown.</summary>
internal static class DetectCommand
{
    public static Command Create(CliIO io)
    {
        var files = new Argument<string[]>("FILE") { Description = "UTF-8 text files; standard input when none is given.", Arity = ArgumentArity.ZeroOrMore };
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
            start/end are UTF-16 offsets into the file's text (UTF-8, byte order mark removed). A unit with confident
            sentences in both languages adds "mixed":true and "parts" with the same fields per part.

            Example:
              aligner detect seeds/001_95c7d294790140af.txt --unit line
            """)
        {
            files, unit, output, model,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var detector = LanguageDetector.Default;
            var modelPath = parse.GetValue(model);
            if (!string.IsNullOrEmpty(modelPath))
            {
                detector = LanguageDetector.Create(TrainDetectorCommand.LoadModel(modelPath));
            }

            var kind = parse.GetValue(unit) == "line" ? DetectionUnit.Line : DetectionUnit.Paragraph;
            var paths = parse.GetValue(files) ?? [];
            var sources = new List<SourceText>();
            if (paths.Length == 0)
            {
                sources.Add(io.ReadStandardInput());
            }
            else
            {
                // Every file is read before anything is written, so bad input leaves no partial output.
                foreach (var path in paths)
                {
                    sources.Add(path == "-" ? io.ReadStandardInput() : SourceText.Load(path));
                }
            }

            using var stream = io.OpenOutput(parse.GetValue(output));
            foreach (var source in sources)
            {
                DetectionJsonLinesWriter.Write(detector.DetectAll(source.Text, kind), source.Name, stream);
            }
        }));
        return command;
    }
}
