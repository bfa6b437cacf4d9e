using System.Text;
using System.Xml;
using Aligner.Alignment;
using Aligner.Matching;

namespace Aligner.Output;

/// <summary>
/// Writes the aligned pairs of an alignment as a TMX 1.4b translation memory that CAT tools import: one
/// <c>&lt;tu&gt;</c> per bead with both an English and a Vietnamese side, holding the bead's score and shape as
/// <c>x-score</c> and <c>x-bead</c> properties and a <c>&lt;tuv xml:lang="en"&gt;</c> and
/// <c>&lt;tuv xml:lang="vi"&gt;</c> segment. Sentences without partner are left out.
/// </summary>
/// <remarks>
/// The file is written with <see cref="XmlWriter"/> (UTF-8, no byte order mark). Characters that XML 1.0 does not
/// allow (controls other than tab and line breaks, lone surrogates, U+FFFE, U+FFFF) are replaced with U+FFFD, so
/// the output is always well-formed.
/// </remarks>
/// <example>
/// <code>
/// &lt;tu&gt;
///   &lt;prop type="x-score"&gt;0.9731&lt;/prop&gt;
///   &lt;prop type="x-bead"&gt;1-1&lt;/prop&gt;
///   &lt;tuv xml:lang="en"&gt;&lt;seg&gt;The UN met on 21/9.&lt;/seg&gt;&lt;/tuv&gt;
///   &lt;tuv xml:lang="vi"&gt;&lt;seg&gt;LHQ đã họp ngày 21/9.&lt;/seg&gt;&lt;/tuv&gt;
/// &lt;/tu&gt;
/// </code>
/// </example>
internal static class TmxWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    /// <summary>Writes every aligned pair of <paramref name="alignment"/> to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(DocumentAlignment alignment, Stream output)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(output);
        Write(OutputText.Pairs(alignment), alignment.English.Name, alignment.Vietnamese.Name, output);
    }

    /// <summary>
    /// Writes every pair of <paramref name="passages"/> to <paramref name="output"/>, each with its files and
    /// passage id as <c>x-source-en</c>, <c>x-source-vi</c> and <c>x-passage</c> properties.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(IEnumerable<MatchedPassage> passages, Stream output)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(output);
        Write(OutputText.Pairs(passages), null, null, output);
    }

    private static void Write(IEnumerable<OutputText.Pair> pairs, string? englishSource, string? vietnameseSource, Stream output)
    {
        using var writer = XmlWriter.Create(output, Settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("tmx");
        writer.WriteAttributeString("version", "1.4");
        writer.WriteStartElement("header");
        writer.WriteAttributeString("creationtool", "Aligner");
        writer.WriteAttributeString("creationtoolversion", OutputText.ToolVersion);
        writer.WriteAttributeString("datatype", "plaintext");
        writer.WriteAttributeString("segtype", "sentence");
        writer.WriteAttributeString("adminlang", "en");
        writer.WriteAttributeString("srclang", "en");
        writer.WriteAttributeString("o-tmf", "Aligner");
        if (englishSource is not null && vietnameseSource is not null)
        {
            WriteProperty(writer, "x-source-en", englishSource);
            WriteProperty(writer, "x-source-vi", vietnameseSource);
        }

        writer.WriteEndElement();
        writer.WriteStartElement("body");
        foreach (var pair in pairs)
        {
            writer.WriteStartElement("tu");
            WriteProperty(writer, "x-score", OutputText.Score(pair.Score));
            WriteProperty(writer, "x-bead", pair.Kind.Label());
            if (pair.Passage is { } passage)
            {
                WriteProperty(writer, "x-passage", passage.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                WriteProperty(writer, "x-source-en", passage.English.Name);
                WriteProperty(writer, "x-source-vi", passage.Vietnamese.Name);
            }

            WriteVariant(writer, "en", pair.English);
            WriteVariant(writer, "vi", pair.Vietnamese);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteProperty(XmlWriter writer, string type, string value)
    {
        writer.WriteStartElement("prop");
        writer.WriteAttributeString("type", type);
        writer.WriteString(OutputText.XmlSafe(value));
        writer.WriteEndElement();
    }

    private static void WriteVariant(XmlWriter writer, string language, string text)
    {
        writer.WriteStartElement("tuv");
        writer.WriteAttributeString("xml", "lang", null, language);
        writer.WriteElementString("seg", OutputText.XmlSafe(text));
        writer.WriteEndElement();
    }
}
