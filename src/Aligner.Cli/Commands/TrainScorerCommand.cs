using System.CommandLine;
using Aligner.Input;
using Aligner.Scoring;
using Aligner.Training;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner train-scorer EN VI</c>: fits the length-and-anchor scorer to line-parallel text.</summary>
internal static class TrainScorerCommand
{
    public static Command Create(CliIO io)
    {
        var english = new Argument<string>("ENGLISH_LINES") { Description = "English sentences, one per line." };
        var vietnamese = new Argument<string>("VIETNAMESE_LINES") { Description = "Their Vietnamese translations, line for line." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the model (JSON) to this file instead of standard output." };
        var lexiconPath = new Option<string?>("--lexicon") { Description = "The lexicon to fit the combination with (default: the embedded one)." };
        var noLexicon = new Option<bool>("--no-lexicon") { Description = "Fit only the length and anchor parameters (no lexical evidence)." };
        var note = new Option<string>("--name") { Description = "A note of the corpus, stored in the model.", DefaultValueFactory = _ => "" };
        var calibration = new Option<double>("--comparable-calibration")
        {
            Description = "The factor that scales the comparable-text regression's log-odds, stored in the model (chosen on comparable pages with benchmarks/eval/comparable.sh; default: the shipped model's).",
            DefaultValueFactory = _ => ScorerModel.DefaultComparableCalibration,
            HelpName = "FACTOR",
        };
        var command = new Command("train-scorer", """
            Estimates the sentence-pair scorer (Gale–Church length ratio and variance, anchor rates) from
            line-parallel English and Vietnamese text, and writes it as JSON.

            Example:
              aligner train-scorer dev.en dev.vi --name "FLORES-200 dev" -o scorer.json
            """)
        {
            english, vietnamese, output, note, lexiconPath, noLexicon, calibration,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var en = Lines(SourceText.Load(parse.GetRequiredValue(english)));
            var vi = Lines(SourceText.Load(parse.GetRequiredValue(vietnamese)));
            if (en.Count != vi.Count)
            {
                throw new InvalidDataException($"{parse.GetRequiredValue(vietnamese)}: has {vi.Count} lines but the English file has {en.Count}");
            }

            var factor = parse.GetValue(calibration);
            if (!(factor > 0) || !double.IsFinite(factor))
            {
                throw new InvalidDataException($"--comparable-calibration must be a positive number, not {factor.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            ScorerModel model;
            try
            {
                var path = parse.GetValue(lexiconPath);
                Lexicon? lexicon = parse.GetValue(noLexicon) ? null : path is null ? Lexicon.Default : ModelFiles.LoadLexicon(path);
                model = ScorerTrainer.Train(en, vi, parse.GetValue(note) ?? "", lexicon, factor);
            }
            catch (ArgumentException ex)
            {
                // The trainer's complaints about its input (too few pairs) are bad input, not a failure.
                throw new InvalidDataException($"{parse.GetRequiredValue(english)}: {ex.Message}", ex);
            }

            using var stream = io.OpenOutput(parse.GetValue(output));
            model.Save(stream);
        }));
        return command;
    }

    private static List<string> Lines(SourceText source)
    {
        var lines = source.Text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return [.. lines.Take(count).Select(l => l.TrimEnd('\r'))];
    }
}
