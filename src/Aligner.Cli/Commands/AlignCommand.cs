using System.CommandLine;
using Aligner.IO;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner align EN VI</c>: aligns one English file with one Vietnamese file.</summary>
internal static class AlignCommand
{
    public static Command Create(CliIO io)
    {
        var english = new Argument<string>("ENGLISH_FILE") { Description = "The English text (UTF-8)." };
        var vietnamese = new Argument<string>("VIETNAMESE_FILE") { Description = "The Vietnamese text (UTF-8)." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format. jsonl: one bead per line (see README).",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var lexicon = new Option<string?>("--lexicon") { Description = "A lexicon from train-lexicon instead of the embedded one (use it with the scorer fitted for it)." };
        var scorer = new Option<string?>("--scorer") { Description = "A scorer model from train-scorer instead of the embedded one." };
        var command = new Command("align", """
            Aligns the sentences of an English file with those of a Vietnamese file and writes one bead per line.
            Every sentence of both files appears in exactly one bead; a side without partner is null.

            Example:
              aligner align seeds/000_06a9cf74ceb7c5dd.txt seeds/004_97cab69a675f2a31.txt -o pairs.jsonl
            """)
        {
            english, vietnamese, format, output, lexicon, scorer,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var en = SourceText.Load(parse.GetRequiredValue(english));
            var vi = SourceText.Load(parse.GetRequiredValue(vietnamese));
            var lexiconPath = parse.GetValue(lexicon);
            var scorerPath = parse.GetValue(scorer);
            var pipeline = lexiconPath is null && scorerPath is null
                ? AlignmentPipeline.Default
                : AlignmentPipeline.Create(
                    model: scorerPath is null ? null : ModelFiles.LoadScorer(scorerPath),
                    lexicon: lexiconPath is null ? null : ModelFiles.LoadLexicon(lexiconPath));
            var alignment = pipeline.Align(en, vi);
            using var stream = io.OpenOutput(parse.GetValue(output));
            JsonLinesWriter.Write(alignment, stream);
        }));
        return command;
    }
}
