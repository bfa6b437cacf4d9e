using System.Text.Encodings.Web;
using System.Text.Json;
using Aligner.Alignment;

namespace Aligner.IO;

/// <summary>
/// Writes an alignment as JSON Lines, one bead per line in document order:
/// <c>{"type":"1-1","score":0.93,"en":{"file":"a.txt","start":120,"end":245,"text":"..."},"vi":{...}}</c>,
/// with <c>null</c> for a side without sentences.
/// </summary>
public static class JsonLinesWriter
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
            writer.WriteStartObject();
            writer.WriteString("type", bead.Kind.Label());
            writer.WriteNumber("score", double.IsFinite(bead.Score) ? Math.Round(bead.Score, 4) : 0);
            WriteSide(writer, "en", alignment.English, alignment.EnglishRange(bead));
            WriteSide(writer, "vi", alignment.Vietnamese, alignment.VietnameseRange(bead));
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
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
        writer.WriteString("text", r.Slice(source.Text));
        writer.WriteEndObject();
    }
}
