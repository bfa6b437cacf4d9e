using System.CommandLine;
using System.Diagnostics;
using Aligner.Training;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner train-restorer --corpus X.gz -o model.bin</c>: trains a diacritic restoration model.</summary>
internal static class TrainRestorerCommand
{
    public static Command Create(CliIO io)
    {
        var corpus = new Option<string[]>("--corpus", "-c")
        {
            Description = "Accented Vietnamese text, one paragraph or sentence per line (UTF-8; .gz is decompressed). Repeat for several files.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the model.", Required = true };
        var minTrigram = new Option<int>("--min-trigram-count") { Description = "Prune trigrams seen fewer times (default 1: all kept).", DefaultValueFactory = _ => RestorerTrainerOptions.Default.MinTrigramCount };
        var minShare = new Option<double>("--min-candidate-share") { Description = "An accented form is a candidate only when at least this share of its bare spelling's occurrences (default 0.0001).", DefaultValueFactory = _ => RestorerTrainerOptions.Default.MinCandidateShare };
        var minSyllable = new Option<int>("--min-syllable-count") { Description = "Syllable forms seen fewer times are unknown (default 2).", DefaultValueFactory = _ => RestorerTrainerOptions.Default.MinSyllableCount };
        var command = new Command("train-restorer", """
            Trains the syllable trigram model of the diacritic restorer (Kneser-Ney, pruned, quantised) from your own
            accented text, for use with 'aligner restore --model'.

            Example:
              aligner train-restorer --corpus viwiki.vi.gz -o restorer.bin
            """)
        {
            corpus, output, minTrigram, minSyllable, minShare,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var options = RestorerTrainerOptions.Default with
            {
                MinTrigramCount = parse.GetValue(minTrigram),
                MinSyllableCount = parse.GetValue(minSyllable),
                MinCandidateShare = parse.GetValue(minShare),
            };
            if (options.MinCandidateShare is < 0 or >= 1 || double.IsNaN(options.MinCandidateShare))
            {
                throw new InvalidDataException("--min-candidate-share must be in [0, 1)");
            }

            if (options.MinTrigramCount < 1 || options.MinSyllableCount < 1)
            {
                throw new InvalidDataException("--min-trigram-count and --min-syllable-count must be at least 1");
            }

            var watch = Stopwatch.StartNew();
            var progress = io.ErrorIsTerminal ? new LineProgress(io.Error) : null; // progress only where a person watches
            var model = RestorerTrainer.TrainModelFiles(parse.GetRequiredValue(corpus), options, progress);
            var path = parse.GetRequiredValue(output);
            using (var stream = io.OpenOutput(path))
            {
                model.Save(stream);
            }

            io.Error.WriteLine($"aligner: {model.VocabularySize:N0} syllables, {model.KeyCount:N0} keys, {model.BigramCount:N0} bigrams, {model.TrigramCount:N0} trigrams, {model.CodeCount:N0} abbreviations and words that are no syllable in {watch.Elapsed.TotalSeconds:F1} s -> {path}");
        }));
        return command;
    }
}
