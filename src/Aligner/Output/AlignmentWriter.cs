using Aligner.Alignment;
using Aligner.Matching;

namespace Aligner.Output;

/// <summary>The formats <see cref="AlignmentWriter"/> writes (the CLI's <c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>JSON Lines: one bead per line, both sides with their offsets, text and the pair's score.</summary>
    JsonLines,

    /// <summary>Tab-separated English, Vietnamese and score, one aligned pair per line (tabs and newlines escaped).</summary>
    Tsv,

    /// <summary>A TMX 1.4b translation memory of the aligned pairs.</summary>
    Tmx,

    /// <summary>A self-contained HTML page: both texts side by side, the least sure pairs listed first.</summary>
    Html,
}

/// <summary>
/// Writes alignments and matched passages as UTF-8 to any stream, in one of the formats of the CLI's <c>--format</c>:
/// <see cref="JsonLines"/>, <see cref="Tsv"/>, <see cref="Tmx"/> or <see cref="Html"/>. Thread-safe (no state).
/// </summary>
/// <example>
/// <code>
/// using var tmx = File.Create("memory.tmx");
/// AlignmentWriter.Tmx.Write(alignment, tmx);
/// </code>
/// </example>
public sealed class AlignmentWriter
{
    private AlignmentWriter(OutputFormat format) => Format = format;

    /// <summary>JSON Lines (the <c>align</c> contract): one bead per line, both sides with their offsets, text and the pair's score.</summary>
    public static AlignmentWriter JsonLines { get; } = new(OutputFormat.JsonLines);

    /// <summary>Tab-separated English, Vietnamese and score, one aligned pair per line (tabs and newlines escaped).</summary>
    public static AlignmentWriter Tsv { get; } = new(OutputFormat.Tsv);

    /// <summary>A TMX 1.4b translation memory of the aligned pairs.</summary>
    public static AlignmentWriter Tmx { get; } = new(OutputFormat.Tmx);

    /// <summary>A self-contained HTML page: both texts side by side, the least sure pairs listed first.</summary>
    public static AlignmentWriter Html { get; } = new(OutputFormat.Html);

    /// <summary>The format this writer writes.</summary>
    internal OutputFormat Format { get; }

    /// <summary>Writes the beads of one alignment.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Write(DocumentAlignment alignment, Stream output) => Write(alignment, output, Format);

    /// <summary>Writes the pairs of matched passages (<see cref="PassageMatcher.Match"/>), each side naming its file.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Write(IReadOnlyList<MatchedPassage> passages, Stream output) => Write(passages, output, Format);

    /// <summary>Writes the beads of one alignment in <paramref name="format"/> (the CLI's <c>--format</c>).</summary>
    internal static void Write(DocumentAlignment alignment, Stream output, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case OutputFormat.JsonLines:
                JsonLinesWriter.Write(alignment, output);
                break;
            case OutputFormat.Tsv:
                TsvWriter.Write(alignment, output);
                break;
            case OutputFormat.Tmx:
                TmxWriter.Write(alignment, output);
                break;
            case OutputFormat.Html:
                HtmlWriter.Write(alignment, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not a format the writer knows.");
        }
    }

    /// <summary>Writes the pairs of matched passages in <paramref name="format"/> (the CLI's <c>--format</c>).</summary>
    internal static void Write(IReadOnlyList<MatchedPassage> passages, Stream output, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case OutputFormat.JsonLines:
                JsonLinesWriter.Write(passages, output);
                break;
            case OutputFormat.Tsv:
                TsvWriter.Write(passages, output);
                break;
            case OutputFormat.Tmx:
                TmxWriter.Write(passages, output);
                break;
            case OutputFormat.Html:
                HtmlWriter.Write(passages, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not a format the writer knows.");
        }
    }
}
