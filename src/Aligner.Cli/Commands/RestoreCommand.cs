using System.CommandLine;
using Aligner.Detection;
using Aligner.Normalization;
using Aligner.Restoration;
using Aligner.Text;

namespace Aligner.Cli.Commands;

/// <summary><c>aligner restore [FILE]</c>: restores the diacritics of Vietnamese typed without them.</summary>
internal static class RestoreCommand
{
    public static Command Create(CliIO io)
    {
        var file = new Argument<string?>("FILE") { Description = "The text or HTML page; standard input when omitted or '-'.", Arity = ArgumentArity.ZeroOrOne };
        var encoding = TextInput.EncodingOption();
        var tone = new Option<string>("--tone") { Description = "Tone placement of restored oa/oe/uy syllables: old (hòa) or new (hoà).", DefaultValueFactory = _ => "old" };
        tone.AcceptOnlyFromAmong("old", "new");
        var model = new Option<string?>("--model", "-m") { Description = "A model written by train-restorer instead of the embedded one." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var beam = new Option<int>("--beam") { Description = "Hypotheses kept per syllable by the beam search (1-256, default 16).", DefaultValueFactory = _ => DiacriticRestorerOptions.Default.BeamWidth };
        var cacheWeight = new Option<double>("--cache-weight") { Description = "Weight of what the input's accented lines write (0-10; 0 turns the document cache off).", DefaultValueFactory = _ => DiacriticRestorerOptions.Default.CacheWeight };
        var command = new Command("restore", """
            Writes the text with the diacritics of bare Vietnamese syllables restored, line for line. English and other
            foreign words, names, numbers, codes in capitals, punctuation, spacing and case are kept exactly. Bare
            lines are restored with the forms the input's accented lines write (the document cache).
            An HTML page is written back with the diacritics of its main text restored in place, markup unchanged.

            Example:
              echo "Thu tuong Chinh phu Pham Minh Chinh" | aligner restore
            """)
        {
            file, tone, model, output, beam, cacheWeight, encoding,
        };
        command.SetAction(parse => io.Guard(parse, () =>
        {
            var options = DiacriticRestorerOptions.Default with
            {
                ToneStyle = parse.GetValue(tone) == "new" ? ToneMarkStyle.New : ToneMarkStyle.Old,
                BeamWidth = parse.GetValue(beam),
                CacheWeight = parse.GetValue(cacheWeight),
            };
            if (options.BeamWidth is < 1 or > 256)
            {
                throw new InvalidDataException("--beam must be between 1 and 256");
            }

            if (double.IsNaN(options.CacheWeight) || options.CacheWeight is < 0 or > 10)
            {
                throw new InvalidDataException("--cache-weight must be between 0 and 10");
            }

            var restorer = LoadRestorer(parse.GetValue(model), options);
            var source = TextInput.Load(parse.GetValue(file), io, TextInput.Encoding(parse.GetValue(encoding)));
            var (restored, changed) = Restore(restorer, source);
            TextInput.Write(restored, parse.GetValue(output), io);
            io.Summary(parse, $"restore: {changed:N0} of {source.Content.Length:N0} characters restored{AlignCommand.Read(source)}", source.Text.Length == 0);
        }));
        return command;
    }

    // Plain text: the restored text. HTML: the page's source with each restored letter of its main text put in place
    // (a letter written as a character reference is left as it is).
    private static (string Text, int Changed) Restore(DiacriticRestorer restorer, Input.SourceText source)
    {
        var content = source.Content;
        var restored = restorer.Restore(content);
        var changed = 0;
        for (var i = 0; i < content.Length; i++)
        {
            changed += restored[i] != content[i] ? 1 : 0;
        }

        if (source.Format == Input.SourceFormat.PlainText)
        {
            return (restored, changed);
        }

        var page = source.Text.ToCharArray();
        for (var i = 0; i < content.Length; i++)
        {
            if (restored[i] != content[i])
            {
                var at = source.ToSource(new TextRange(i, i + 1));
                if (at.Length == 1 && page[at.Start] == content[i])
                {
                    page[at.Start] = restored[i];
                }
            }
        }

        return (new string(page), changed);
    }

    private static DiacriticRestorer LoadRestorer(string? path, DiacriticRestorerOptions options)
    {
        if (string.IsNullOrEmpty(path))
        {
            return options == DiacriticRestorerOptions.Default ? DiacriticRestorer.Default : DiacriticRestorer.Default.WithOptions(options);
        }

        return ModelFiles.Load(path, stream => DiacriticRestorer.Create(stream, options, LanguageDetector.Default));
    }
}
