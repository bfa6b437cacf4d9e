using System.CommandLine;
using Aligner.Input;
using Aligner.Matching;
using Aligner.Output;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner match FILE|DIRECTORY...</c>: finds the passages that have a translation among many files.</summary>
internal static class MatchCommand
{
    public static Command Create(CliIO io)
    {
        var inputs = new Argument<string[]>("FILE|DIRECTORY")
        {
            Description = "Text files or HTML pages, or folders whose .txt, .html and .htm files (in all subfolders) are read.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = AlignCommand.FormatOption("Output format. jsonl: one aligned pair per line with offsets, its passage id and both files (the default); tsv: English, Vietnamese and score, one pair per line; tmx: a TMX 1.4b translation memory; html: the passages side by side.");
        var output = AlignCommand.OutputOption();
        var models = new ModelPaths.Options();
        var minimumScore = new Option<double>("--min-score")
        {
            Description = "Least evidence (sum of the pairs' log-likelihood ratios) of a reported passage; a lone caption needs it alone.",
            DefaultValueFactory = _ => MatchOptions.Default.MinimumPassageScore,
        };
        var encoding = TextInput.EncodingOption();
        var command = new Command("match", """
            Finds every passage that has a translation among the files given: between an English file and a
            Vietnamese one, and inside a file that holds both languages. Navigation, bylines, lists of other
            headlines and text told in one language only are left out. Each output line is one aligned pair; the
            "passage" id groups the pairs of one contiguous passage, and each side names its file.
            Progress is shown on standard error when it is a terminal.

            Examples:
              aligner match seeds/
              aligner match news/en news/vi -o pairs.jsonl
              aligner match page.txt --format tsv
            """)
        {
            inputs, format, output, minimumScore, encoding,
        };
        foreach (var option in models.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => io.Guard(parse, () =>
        {
            var files = TextInput.LoadAll(parse.GetRequiredValue(inputs), TextInput.Encoding(parse.GetValue(encoding)));
            var min = parse.GetValue(minimumScore);
            if (!double.IsFinite(min))
            {
                throw new InvalidDataException($"--min-score must be a number, not {min}");
            }

            var pipeline = ModelFiles.Pipeline(models.Read(parse));
            var matcher = new PassageMatcher(pipeline, MatchOptions.Default with { MinimumPassageScore = min });
            var passages = ProgressDisplay.Run(io, progress => matcher.Match(files, progress));
            using (var stream = io.OpenOutput(parse.GetValue(output)))
            {
                AlignmentWriter.Write(passages, stream, AlignCommand.Format(parse.GetValue(format)!));
            }

            var pairs = passages.Sum(p => p.Pairs.Count);
            var pages = files.Count(f => f.Format == SourceFormat.Html);
            io.Summary(parse, $"match: {passages.Count} passages ({pairs} pairs) in {files.Count} files{(pages > 0 ? $" ({pages} HTML pages)" : "")}", passages.Count == 0);
        }));
        return command;
    }
}
