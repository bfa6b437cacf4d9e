using System.Text;
using Aligner.Alignment;
using Aligner.Matching;

namespace Aligner.Output;

/// <summary>
/// Writes the aligned pairs of an alignment as tab-separated values: a header line <c>en	vi	score</c>, then one
/// line per bead that has both an English and a Vietnamese side (sentences without partner are left out).
/// </summary>
/// <remarks>
/// Inside the text, a backslash is written <c>\\</c>, a tab <c>\t</c>, a line feed <c>\n</c> and a carriage return
/// <c>\r</c>, so every pair stays on one line with exactly three fields. Scores use a dot and at most four decimals.
/// The output is UTF-8 without byte order mark, lines end with <c>\n</c>.
/// </remarks>
/// <example>
/// <code>
/// en	vi	score
/// The UN met on 21/9.	LHQ đã họp ngày 21/9.	0.9731
/// </code>
/// </example>
internal static class TsvWriter
{
    /// <summary>The first line of the output.</summary>
    public const string Header = "en\tvi\tscore";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the header and every aligned pair of <paramref name="alignment"/> to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(DocumentAlignment alignment, Stream output)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(output);
        Write(OutputText.Pairs(alignment), output);
    }

    /// <summary>Writes every pair of <paramref name="passages"/> to <paramref name="output"/>, passage after passage.</summary>
    public static void Write(IEnumerable<MatchedPassage> passages, Stream output)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(output);
        Write(OutputText.Pairs(passages), output);
    }

    private static void Write(IEnumerable<OutputText.Pair> pairs, Stream output)
    {
        using var writer = new StreamWriter(output, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.Write(Header);
        writer.Write('\n');
        foreach (var pair in pairs)
        {
            WriteEscaped(writer, pair.English);
            writer.Write('\t');
            WriteEscaped(writer, pair.Vietnamese);
            writer.Write('\t');
            writer.Write(OutputText.Score(pair.Score));
            writer.Write('\n');
        }
    }

    /// <summary>Escapes backslash, tab, line feed and carriage return as <c>\\</c>, <c>\t</c>, <c>\n</c> and <c>\r</c>.</summary>
    /// <example><c>Escape("a\tb\\c")</c> ⇒ <c>a\tb\\c</c> with a literal backslash-t and a doubled backslash.</example>
    public static string Escape(ReadOnlySpan<char> text)
    {
        using var writer = new StringWriter();
        WriteEscaped(writer, text);
        return writer.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>; an unknown escape or a trailing backslash is kept as it is.</summary>
    public static string Unescape(ReadOnlySpan<char> field)
    {
        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length)
            {
                builder.Append(field[i]);
                continue;
            }

            var next = field[i + 1];
            char? decoded = next switch { '\\' => '\\', 't' => '\t', 'n' => '\n', 'r' => '\r', _ => null };
            if (decoded is { } d)
            {
                builder.Append(d);
                i++;
            }
            else
            {
                builder.Append('\\');
            }
        }

        return builder.ToString();
    }

    private static void WriteEscaped(TextWriter writer, ReadOnlySpan<char> text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch { '\\' => "\\\\", '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", _ => null };
            if (escape is null)
            {
                continue;
            }

            writer.Write(text[start..i]);
            writer.Write(escape);
            start = i + 1;
        }

        writer.Write(text[start..]);
    }
}
