using System.Text.Encodings.Web;
using System.Text.Json;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Matching;
using Aligner.Text;

namespace Aligner.Output;

/// <summary>
/// Writes an alignment as JSON Lines, one bead per line in document order:
/// <c>{"type":"1-1","score":0.93,"en":{"file":"a.txt","start":120,"end":245,"text":"..."},"vi":{...}}</c>,
/// with <c>null</c> for a side without sentences.
/// </summary>
internal static class JsonLinesWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Vietnamese stays readable; the relaxed encoder still escapes quotes, controls and lone surrogates.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes every bead of <paramref name="alignment"/> to <paramref name="output"/>.</summary>
    public static void Write(DocumentAlignment alignment, Stream output)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, Options);
        foreach (var bead in alignment.Beads)
        {
            WriteLine(writer, output, bead.Kind, null, bead.Score, alignment.English, alignment.EnglishRange(bead), alignment.Vietnamese, alignment.VietnameseRange(bead));
        }
    }

    /// <summary>
    /// Writes every bead of <paramref name="alignment"/>, one of many document pairs, to <paramref name="output"/>:
    /// the fields of <see cref="Write(DocumentAlignment, Stream)"/> after <c>"pair"</c> (the pair's number) and
    /// <c>"en_file"</c>, <c>"vi_file"</c> (its files), so every line names both files, even where a side is null.
    /// </summary>
    public static void Write(DocumentAlignment alignment, int pair, Stream output)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, Options);
        foreach (var bead in alignment.Beads)
        {
            writer.WriteStartObject();
            writer.WriteNumber("pair", pair);
            writer.WriteString("en_file", alignment.English.Name);
            writer.WriteString("vi_file", alignment.Vietnamese.Name);
            WriteLine(writer, output, bead.Kind, null, bead.Score, alignment.English, alignment.EnglishRange(bead), alignment.Vietnamese, alignment.VietnameseRange(bead), open: false);
        }
    }

    /// <summary>
    /// Writes every pair of <paramref name="passages"/> to <paramref name="output"/>, passage after passage, with
    /// the same fields as an alignment plus <c>"passage"</c>, the id of the passage the pair belongs to.
    /// </summary>
    public static void Write(IEnumerable<MatchedPassage> passages, Stream output)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, Options);
        foreach (var passage in passages)
        {
            foreach (var pair in passage.Pairs)
            {
                WriteLine(writer, output, pair.Kind, passage.Id, pair.Score, passage.English, pair.English, passage.Vietnamese, pair.Vietnamese);
            }
        }
    }

    private static void WriteLine(Utf8JsonWriter writer, Stream output, BeadKind kind, int? passage, double score, SourceText english, TextRange? englishRange, SourceText vietnamese, TextRange? vietnameseRange, bool open = true)
    {
        if (open)
        {
            writer.WriteStartObject();
        }

        writer.WriteString("type", kind.Label());
        if (passage is { } id)
        {
            writer.WriteNumber("passage", id);
        }

        writer.WriteNumber("score", double.IsFinite(score) ? Math.Round(score, 4) : 0);
        WriteSide(writer, "en", english, englishRange);
        WriteSide(writer, "vi", vietnamese, vietnameseRange);
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
        writer.Reset();
    }

    private static void WriteSide(Utf8JsonWriter writer, string name, SourceText source, TextRange? range)
    {
        if (range is not { } r)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("file", source.Name);
        writer.WriteNumber("start", r.Start);
        writer.WriteNumber("end", r.End);
        writer.WriteString("text", source.Format == SourceFormat.PlainText ? r.Slice(source.Text) : source.ContentOf(r));
        writer.WriteEndObject();
    }
}
