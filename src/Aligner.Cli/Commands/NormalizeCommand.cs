using System.CommandLine;
using Aligner.Normalization;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner normalize [FILE] [--tone old|new]</c>: the Vietnamese normalised view of a text.</summary>
internal static class NormalizeCommand
{
    public static Command Create(CliIO io)
    {
        var file = new Argument<string?>("FILE") { Description = "The text to normalise (UTF-8, or a legacy TCVN3/VNI file); standard input when omitted or '-'.", Arity = ArgumentArity.ZeroOrOne };
        var tone = new Option<string?>("--tone") { Description = "Put tone marks in oa/oe/uy syllables in the old (hòa) or new (hoà) style; unchanged when omitted." };
        tone.AcceptOnlyFromAmong("old", "new");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var encoding = TextInput.EncodingOption();
        var command = new Command("normalize", """
            Writes the normalised text: legacy TCVN3/ABC and VNI text converted to Unicode, NFC, odd spaces turned into
            ordinary spaces, invisible characters removed, and with --tone the tone marks placed in one style.
            Nothing else changes: lines, case, punctuation and words stay as they are.

            Example:
              aligner normalize seeds/004_97cab69a675f2a31.txt --tone new
            """)
        {
            file, tone, output, encoding,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var style = parse.GetValue(tone) switch
            {
                "old" => ToneMarkStyle.Old,
                "new" => ToneMarkStyle.New,
                _ => (ToneMarkStyle?)null,
            };
            var source = TextInput.Load(parse.GetValue(file), io, TextInput.Encoding(parse.GetValue(encoding)));
            var normalizer = new VietnameseNormalizer(VietnameseNormalizerOptions.Default with { ToneStyle = style });
            var normalized = normalizer.Normalize(source.Text).Text;
            TextInput.Write(normalized, parse.GetValue(output), io);
            io.Summary(parse, $"normalize: {source.Text.Length:N0} characters in, {normalized.Length:N0} out{AlignCommand.Read(source)}", source.Text.Length == 0);
        }));
        return command;
    }
}
