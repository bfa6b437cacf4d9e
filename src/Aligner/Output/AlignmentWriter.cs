using Aligner.Alignment;
using Aligner.Matching;

namespace Aligner.Output;

/// <summary>The formats <see cref="AlignmentWriter"/> writes (the CLI's <c>--format</c>).</summary>
public enum OutputFormat
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

/// <summary>Writes alignments and matched passages as UTF-8 to any stream. Thread-safe (no state).</summary>
/// <example>
/// <code>
/// using var tmx = File.Create("memory.tmx");
/// AlignmentWriter.Write(alignment, tmx, OutputFormat.Tmx);
/// </code>
/// </example>
public static class AlignmentWriter
{
    /// <summary>Writes the beads of one alignment.</summary>
    public static void Write(DocumentAlignment alignment, Stream output, OutputFormat format)
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

    /// <summary>Writes the pairs of matched passages (<see cref="PassageMatcher.Match"/>), each side naming its file.</summary>
    public static void Write(IReadOnlyList<MatchedPassage> passages, Stream output, OutputFormat format)
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
