using System.Text;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Matching;
using Aligner.Segmentation;

namespace Aligner.Output;

/// <summary>
/// Writes an alignment as one self-contained HTML page (inline CSS and script, nothing loaded from the network)
/// that shows the two texts side by side in reading order: one table row per bead, English on the left,
/// Vietnamese on the right, the score in between.
/// </summary>
/// <remarks>
/// <para>Rows are coloured by confidence (high, medium, low); sentences without partner are shown with a dashed
/// border and the label "unaligned" on the empty side. Hovering a sentence highlights it and its partner;
/// clicking pins the highlight (one delegated listener for the whole page, so a 1,000-sentence document stays
/// quick); <c>page.html#b12</c> opens with bead 12 pinned. When the script has run, <c>&lt;body&gt;</c> carries <c>data-ready="true"</c>.</para>
/// <para>All text is HTML-escaped; characters not allowed in XML 1.0 are replaced with U+FFFD. Cells have
/// <c>dir="auto"</c>, so right-to-left text displays correctly. The output is UTF-8 without byte order mark.</para>
/// </remarks>
internal static class HtmlWriter
{
    /// <summary>Scores at or above this are shown as high confidence.</summary>
    public const double HighConfidence = 0.8;

    /// <summary>Scores at or above this (and below <see cref="HighConfidence"/>) are shown as medium confidence.</summary>
    public const double MediumConfidence = 0.5;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private const string Style = """
        :root{--hi:#d9f2d9;--mid:#fff1c2;--lo:#ffd6d6;--un:#eeeeee;--sel:#9ecbff;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
        body{margin:0;padding:1rem 1.5rem;color:#1b1b1b;background:#fafafa}
        h1{font-size:1.2rem;margin:0 0 .3rem}
        .meta{color:#555;font-size:.85rem;margin:0 0 .6rem}
        .legend span{display:inline-block;padding:.1rem .5rem;margin-right:.4rem;border-radius:.25rem;font-size:.8rem}
        table{border-collapse:separate;border-spacing:0 3px;width:100%;table-layout:fixed}
        th{text-align:left;font-size:.85rem;color:#444;padding:.2rem .5rem;position:sticky;top:0;background:#fafafa}
        col.side{width:46%}col.score{width:8%}
        td{vertical-align:top;padding:.35rem .55rem;line-height:1.4;white-space:pre-wrap;overflow-wrap:anywhere}
        td.sc{text-align:center;font:.75rem/1.4 ui-monospace,monospace;color:#333}
        td.sc small{display:block;color:#777}
        tr.hi td{background:var(--hi)}tr.mid td{background:var(--mid)}tr.lo td{background:var(--lo)}
        tr.un td{background:var(--un)}
        tr.ph th{padding:.8rem .5rem .2rem;font-size:.9rem;color:#222;position:static}
        tr.un td.gap{border:1px dashed #999;color:#888;font-style:italic;background:#fff}
        tr:hover td:not(.gap),tr.pin td:not(.gap){box-shadow:inset 0 0 0 2px var(--sel)}
        tr.pin td:not(.gap){background:#dcecff}
        .s{border-radius:.2rem}
        @media (prefers-color-scheme:dark){:root{--hi:#1f3d1f;--mid:#4a4020;--lo:#4d2323;--un:#2e2e2e;--sel:#3a7bd5}body{background:#121212;color:#e6e6e6}th{background:#121212;color:#bbb}.meta{color:#aaa}td.sc{color:#ccc}tr.un td.gap{background:#1a1a1a}tr.pin td:not(.gap){background:#23364f}}
        """;

    private const string Script = """
        (function(){
          var body=document.body,table=document.getElementById('beads'),pinned=null;
          function pin(row){
            if(pinned)pinned.classList.remove('pin');
            pinned=pinned===row?null:row;
            if(pinned)pinned.classList.add('pin');
            body.setAttribute('data-pinned',pinned?pinned.getAttribute('data-b'):'');
          }
          table.addEventListener('click',function(e){
            var row=e.target.closest?e.target.closest('tr[data-b]'):null;
            if(row)pin(row);
          });
          function go(){
            var m=/^#b(\d+)$/.exec(location.hash),row=m?document.querySelector('tr[data-b="'+m[1]+'"]'):null;
            if(row){if(pinned!==row)pin(row);row.scrollIntoView({block:'center'});}
          }
          window.addEventListener('hashchange',go);
          go();
          body.setAttribute('data-ready','true');
        })();
        """;

    /// <summary>Writes the page for <paramref name="alignment"/> to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(DocumentAlignment alignment, Stream output)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var paired = 0;
        var unaligned = 0;
        foreach (var bead in alignment.Beads)
        {
            if (bead.EnglishCount == 0 || bead.VietnameseCount == 0)
            {
                unaligned++;
            }
            else
            {
                paired++;
            }
        }

        var unsure = new List<(int Row, double Score)>();
        for (var b = 0; b < alignment.Beads.Count; b++)
        {
            if (alignment.Beads[b] is { EnglishCount: > 0, VietnameseCount: > 0 } pair)
            {
                unsure.Add((b, pair.Score));
            }
        }

        WriteHead(writer, Title(alignment), $"{alignment.EnglishSentences.Count} English and {alignment.VietnameseSentences.Count} Vietnamese sentences; {paired} aligned pairs, {unaligned} unaligned sentences.", unsure);
        for (var b = 0; b < alignment.Beads.Count; b++)
        {
            var bead = alignment.Beads[b];
            var single = bead.EnglishCount == 0 || bead.VietnameseCount == 0;
            writer.Write("<tr data-b=\"");
            writer.Write(b);
            writer.Write("\" class=\"");
            writer.Write(single ? "un" : bead.Score >= HighConfidence ? "hi" : bead.Score >= MediumConfidence ? "mid" : "lo");
            writer.Write("\">");
            WriteSide(writer, "en", alignment.English, alignment.EnglishSentences, bead.EnglishStart, bead.EnglishCount);
            writer.Write("<td class=\"sc\">");
            writer.Write(single ? "–" : OutputText.Score(bead.Score));
            writer.Write("<small>");
            writer.Write(bead.Kind.Label());
            writer.Write("</small></td>");
            WriteSide(writer, "vi", alignment.Vietnamese, alignment.VietnameseSentences, bead.VietnameseStart, bead.VietnameseCount);
            writer.Write("</tr>\n");
        }

        WriteTail(writer);
    }

    /// <summary>
    /// Writes the page for the passages of a match to <paramref name="output"/>: each passage under a heading that
    /// names its two files, its pairs side by side. Text without a partner is not shown.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(IReadOnlyList<MatchedPassage> passages, Stream output)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var files = passages.SelectMany(p => new[] { p.English.Name, p.Vietnamese.Name }).Distinct(StringComparer.Ordinal).Count();
        var scores = passages.SelectMany(p => p.Pairs).Select((pair, row) => (row, pair.Score)).ToList();
        WriteHead(writer, "Matched passages", $"{passages.Count} passages, {passages.Sum(p => p.Pairs.Count)} aligned pairs, in {files} files.", scores, unaligned: false);
        var row = 0;
        foreach (var passage in passages)
        {
            writer.Write("<tr class=\"ph\"><th colspan=\"3\">Passage ");
            writer.Write(passage.Id);
            writer.Write(": ");
            Encode(writer, Display(passage.English.Name, "English"));
            writer.Write(" ↔ ");
            Encode(writer, Display(passage.Vietnamese.Name, "Vietnamese"));
            writer.Write("</th></tr>\n");
            foreach (var pair in passage.Pairs)
            {
                writer.Write("<tr data-b=\"");
                writer.Write(row++);
                writer.Write("\" class=\"");
                writer.Write(pair.Score >= HighConfidence ? "hi" : pair.Score >= MediumConfidence ? "mid" : "lo");
                writer.Write("\">");
                WriteCell(writer, "en", passage.English.ContentOf(pair.English));
                writer.Write("<td class=\"sc\">");
                writer.Write(OutputText.Score(pair.Score));
                writer.Write("<small>");
                writer.Write(pair.Kind.Label());
                writer.Write("</small></td>");
                WriteCell(writer, "vi", passage.Vietnamese.ContentOf(pair.Vietnamese));
                writer.Write("</tr>\n");
            }
        }

        WriteTail(writer);
    }

    // The pairs to check first: the least sure ones below HighConfidence, as links that pin their row.
    private const int UnsureListed = 10;

    private static void WriteHead(TextWriter writer, string title, string summary, List<(int Row, double Score)> pairs, bool unaligned = true)
    {
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write("<meta name=\"generator\" content=\"Aligner ");
        Encode(writer, OutputText.ToolVersion);
        writer.Write("\">\n<title>");
        Encode(writer, title);
        writer.Write("</title>\n<style>\n");
        writer.Write(Style);
        writer.Write("\n</style>\n</head>\n<body data-ready=\"false\">\n<h1>");
        Encode(writer, title);
        writer.Write("</h1>\n<p class=\"meta\">");
        Encode(writer, summary);
        writer.Write("</p>\n<p class=\"meta legend\"><span style=\"background:var(--hi)\">score ≥ 0.8</span><span style=\"background:var(--mid)\">0.5 – 0.8</span><span style=\"background:var(--lo)\">&lt; 0.5</span>");
        writer.Write(unaligned ? "<span style=\"background:var(--un)\">unaligned</span>" : "");
        writer.Write(" Hover a sentence to see its partner; click to pin.</p>\n");
        var unsure = pairs.Where(p => p.Score < HighConfidence).OrderBy(p => p.Score).ThenBy(p => p.Row).ToList();
        writer.Write("<p class=\"meta unsure\">");
        if (unsure.Count == 0)
        {
            writer.Write("No pair scores below 0.8.");
        }
        else
        {
            writer.Write(unsure.Count);
            writer.Write(unsure.Count == 1 ? " pair scores" : " pairs score");
            writer.Write(" below 0.8; check first:");
            foreach (var (row, score) in unsure.Take(UnsureListed))
            {
                writer.Write(" <a href=\"#b");
                writer.Write(row);
                writer.Write("\">");
                writer.Write(OutputText.Score(score));
                writer.Write("</a>");
            }

            writer.Write(unsure.Count > UnsureListed ? " …" : "");
        }

        writer.Write("</p>\n");
        writer.Write("<table id=\"beads\">\n<colgroup><col class=\"side\"><col class=\"score\"><col class=\"side\"></colgroup>\n");
        writer.Write("<thead><tr><th>English</th><th>score</th><th>Vietnamese</th></tr></thead>\n<tbody>\n");
    }

    private static void WriteTail(TextWriter writer)
    {
        writer.Write("</tbody>\n</table>\n<script>\n");
        writer.Write(Script);
        writer.Write("\n</script>\n</body>\n</html>\n");
    }

    private static void WriteCell(TextWriter writer, string language, ReadOnlySpan<char> text)
    {
        writer.Write("<td lang=\"");
        writer.Write(language);
        writer.Write("\" dir=\"auto\"><span class=\"s\">");
        Encode(writer, text);
        writer.Write("</span></td>");
    }

    private static string Title(DocumentAlignment alignment) =>
        $"{Display(alignment.English.Name, "English")} ↔ {Display(alignment.Vietnamese.Name, "Vietnamese")}";

    private static string Display(string name, string fallback) => string.IsNullOrEmpty(name) ? fallback : Path.GetFileName(name);

    private static void WriteSide(TextWriter writer, string language, SourceText source, IReadOnlyList<Sentence> sentences, int start, int count)
    {
        if (count == 0)
        {
            writer.Write("<td class=\"gap\">unaligned</td>");
            return;
        }

        writer.Write("<td lang=\"");
        writer.Write(language);
        writer.Write("\" dir=\"auto\">");
        for (var k = start; k < start + count; k++)
        {
            if (k > start)
            {
                writer.Write(' ');
            }

            writer.Write("<span class=\"s\">");
            Encode(writer, source.ContentOf(sentences[k].Range));
            writer.Write("</span>");
        }

        writer.Write("</td>");
    }

    /// <summary>
    /// Writes <paramref name="text"/> HTML-escaped: <c>&amp; &lt; &gt; " '</c> become character references, characters
    /// not allowed in XML 1.0 become U+FFFD; everything else (Vietnamese, right-to-left scripts, emoji) is written as is.
    /// </summary>
    internal static void Encode(TextWriter writer, ReadOnlySpan<char> text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => null,
                < '\u0020' or (>= '\uD800' and <= '\uDFFF') or '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            writer.Write(text[start..i]);
            writer.Write(replacement);
            start = i + 1;
        }

        writer.Write(text[start..]);
    }
}
