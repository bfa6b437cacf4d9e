using System.Text.Encodings.Web;
using System.Text.Json;
using Aligner.Detection;

namespace Aligner.Output;

/// <summary>
/// Writes language detections as JSON Lines, one unit per line in document order:
/// <c>{"file":"a.txt","start":0,"end":57,"language":"vi","diacritics":false,"confidence":0.998}</c>. A mixed unit adds
/// <c>"mixed":true</c> and <c>"parts"</c>, a list of <c>{"start","end","language","diacritics","confidence"}</c>.
/// </summary>
internal static class DetectionJsonLinesWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes <paramref name="detections"/> of the file named <paramref name="file"/> to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(IEnumerable<LanguageDetection> detections, string file, Stream output)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, Options);
        foreach (var detection in detections)
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            WriteFields(writer, detection);
            if (detection.IsMixed)
            {
                writer.WriteBoolean("mixed", true);
                writer.WriteStartArray("parts");
                foreach (var part in detection.Parts)
                {
                    writer.WriteStartObject();
                    WriteFields(writer, part);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    private static void WriteFields(Utf8JsonWriter writer, LanguageDetection detection)
    {
        writer.WriteNumber("start", detection.Range.Start);
        writer.WriteNumber("end", detection.Range.End);
        writer.WriteString("language", detection.Language.Code());
        writer.WriteBoolean("diacritics", detection.HasDiacritics);
        writer.WriteNumber("confidence", Math.Round(detection.Confidence, 4));
    }
}
