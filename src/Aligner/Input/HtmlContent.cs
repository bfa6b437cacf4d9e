using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

namespace Aligner.Input;

/// <summary>
/// The main text of an HTML page, read with an HTML5 parser (AngleSharp): title (when the page has no
/// <c>h1</c>), headline, lead, body paragraphs, list items and captions, one paragraph per block, blank lines
/// between blocks; not scripts, styles, navigation, headers and footers of the site, forms, share bars, asides,
/// hidden elements or lists that are mostly links (related news). Every character of the result maps back to the
/// source characters it was read from, so results can point into the page's source.
/// </summary>
/// <remarks>
/// The parser gives each element's position in the source; the characters of each text node are then found in the
/// source after it, character references (<c>&amp;amp;</c>, <c>&amp;#7879;</c>) and <c>\r\n</c> taking several
/// source characters for one. Whitespace runs inside a block become one space. Thread-safe (no shared state).
/// </remarks>
internal static class HtmlContent
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "select", "option",
        "iframe", "svg", "math", "canvas", "menu", "dialog", "input", "textarea", "head", "object", "embed", "video", "audio",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "figcaption", "figure", "blockquote",
        "section", "article", "header", "main", "td", "th", "tr", "table", "caption", "dd", "dt", "dl", "pre",
        "address", "body", "title", "br", "hr", "center", "summary", "details",
    };

    private static readonly string[] BoilerplateWords =
    [
        "nav", "navbar", "navigation", "menu", "share", "sharing", "social", "related", "breadcrumb", "breadcrumbs",
        "footer", "comment", "comments", "advert", "advertisement", "ads", "ad", "banner", "cookie", "cookies", "sidebar",
        "subscribe", "newsletter", "tags", "login", "popup", "modal", "promo", "sponsor", "sponsored", "widget",
        "toolbar", "pagination", "mostread", "most-read", "trending", "recommend", "recommended", "readmore", "topbar",
    ];

    private static readonly HashSet<string> BoilerplateRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "complementary", "contentinfo", "search", "menu", "menubar", "toolbar", "dialog",
    };

    /// <summary>
    /// Whether <paramref name="text"/> is an HTML document rather than plain text: it starts (after spaces and
    /// comments) with a doctype, an <c>html</c> tag, or a tag and holds the tags of a page near its start.
    /// </summary>
    public static bool LooksLikeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        if (start >= text.Length || text[start] != '<')
        {
            return false;
        }

        var head = text.AsSpan(start, Math.Min(text.Length - start, 4096));
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        ReadOnlySpan<string> tags = ["<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<h1", "<meta", "<title"];
        var found = 0;
        foreach (var tag in tags)
        {
            if (head.Contains(tag, StringComparison.OrdinalIgnoreCase))
            {
                found++;
            }
        }

        return found >= 2;
    }

    /// <summary>Extracts the main text of <paramref name="html"/> and, per character, the source range it came from.</summary>
    public static (string Content, int[] Starts, int[] Ends) Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(html);
        var map = new SourceMap(html);
        map.Walk(document);

        var builder = new ContentBuilder(map);
        var hasHeadline = document.QuerySelector("h1") is { } h1 && !IsSkippedAnywhere(h1);
        if (!hasHeadline && document.Title is { Length: > 0 } && document.Head?.QuerySelector("title") is { } title)
        {
            builder.AddElement(title);
        }

        if (document.Body is { } body)
        {
            builder.AddElement(body);
        }

        return builder.Build();
    }

    private static bool IsSkippedAnywhere(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsBoilerplate(e))
            {
                return true;
            }
        }

        return false;
    }

    // An element whose whole subtree is not main text.
    internal static bool IsBoilerplate(IElement element)
    {
        var name = element.LocalName;
        if (Skipped.Contains(name))
        {
            return true;
        }

        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (element.GetAttribute("style") is { } style && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (element.GetAttribute("role") is { } role && BoilerplateRoles.Contains(role.Trim()))
        {
            return true;
        }

        // A site header (logo, menu) is left out; an article's header, or one holding the headline, is kept.
        if (name == "header" && element.QuerySelector("h1") is null && element.Closest("article") is null)
        {
            return true;
        }

        if (name is not ("body" or "article" or "main") && (HasBoilerplateWord(element.ClassName) || HasBoilerplateWord(element.Id)))
        {
            return true;
        }

        // A list or table that is mostly links: related news, tags, a menu without a nav element.
        if (name is "ul" or "ol" or "table" or "dl")
        {
            var all = element.TextContent.AsSpan().Trim().Length;
            var links = 0;
            foreach (var link in element.QuerySelectorAll("a"))
            {
                links += link.TextContent.AsSpan().Trim().Length;
            }

            return all > 0 && links >= 0.6 * all;
        }

        return false;
    }

    private static bool HasBoilerplateWord(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var token in value.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var word in BoilerplateWords)
            {
                if (token.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Where in the source each text node's characters are.</summary>
    private sealed class SourceMap(string source)
    {
        private readonly Dictionary<IText, (int[] Starts, int[] Ends)> nodes = new(ReferenceEqualityComparer.Instance);
        private int cursor;

        public string Source => source;

        public (int[] Starts, int[] Ends)? Of(IText node) => nodes.TryGetValue(node, out var map) ? map : null;

        // Depth-first in document order, which is source order for everything the parser did not move.
        public void Walk(INode root)
        {
            var stack = new Stack<(INode Node, bool Exit)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (node is IElement element)
                {
                    if (exit)
                    {
                        if (RawText.Contains(element.LocalName) && element.SourceReference is not null)
                        {
                            SkipRawText(element.LocalName);
                        }

                        continue;
                    }

                    if (element.SourceReference is { } reference)
                    {
                        var at = reference.Position.Index;
                        if (at >= cursor && at < source.Length && source[at] == '<')
                        {
                            cursor = SkipMarkup(at);
                        }
                    }

                    stack.Push((element, true));
                    if (RawText.Contains(element.LocalName))
                    {
                        continue; // its text is not read, and may hold '<' that is not markup
                    }
                }
                else if (node is IText text)
                {
                    nodes[text] = Map(text.Data);
                    continue;
                }

                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, false));
                }
            }
        }

        private void SkipRawText(string name)
        {
            var end = source.IndexOf("</" + name, cursor, StringComparison.OrdinalIgnoreCase);
            cursor = end < 0 ? source.Length : SkipMarkup(end);
        }

        private (int[] Starts, int[] Ends) Map(string data)
        {
            var starts = new int[data.Length];
            var ends = new int[data.Length];
            var j = 0;
            var guard = 0;
            while (j < data.Length)
            {
                var d = data[j];
                if (cursor >= source.Length)
                {
                    starts[j] = ends[j] = source.Length;
                    j++;
                    continue;
                }

                var s = source[cursor];
                if (s == '&' && TryReference(cursor, out var decoded, out var end) && data.AsSpan(j).StartsWith(decoded))
                {
                    for (var k = 0; k < decoded.Length; k++)
                    {
                        starts[j + k] = cursor;
                        ends[j + k] = end;
                    }

                    j += decoded.Length;
                    cursor = end;
                    continue;
                }

                if (s == d)
                {
                    starts[j] = cursor;
                    ends[j] = ++cursor;
                    j++;
                    continue;
                }

                if (s == '\r' && d == '\n')
                {
                    starts[j] = cursor;
                    cursor += cursor + 1 < source.Length && source[cursor + 1] == '\n' ? 2 : 1;
                    ends[j] = cursor;
                    j++;
                    continue;
                }

                if (s == '<' && guard < 64 && IsMarkupStart(cursor))
                {
                    cursor = SkipMarkup(cursor); // a comment or a tag the parser dropped
                    guard++;
                    continue;
                }

                // Not found where expected (the parser moved or invented it): an empty range, the cursor stays.
                starts[j] = ends[j] = cursor;
                j++;
            }

            return (starts, ends);
        }

        private bool IsMarkupStart(int at) =>
            at + 1 < source.Length && (char.IsAsciiLetter(source[at + 1]) || source[at + 1] is '/' or '!' or '?');

        // The index after the tag, comment, doctype or processing instruction that starts at 'at'.
        private int SkipMarkup(int at)
        {
            if (source.AsSpan(at).StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = source.IndexOf("-->", at + 4, StringComparison.Ordinal);
                return close < 0 ? source.Length : close + 3;
            }

            var i = at + 1;
            var inTag = at + 1 < source.Length && (char.IsAsciiLetter(source[at + 1]) || source[at + 1] == '/');
            while (i < source.Length)
            {
                var c = source[i];
                if (c == '>')
                {
                    return i + 1;
                }

                if (inTag && c == '=')
                {
                    i++;
                    while (i < source.Length && char.IsWhiteSpace(source[i]))
                    {
                        i++;
                    }

                    if (i < source.Length && source[i] is '"' or '\'')
                    {
                        var close = source.IndexOf(source[i], i + 1);
                        i = close < 0 ? source.Length : close + 1;
                    }

                    continue;
                }

                i++;
            }

            return source.Length;
        }

        // A character reference at 'at': its decoded text and the index after it.
        private bool TryReference(int at, out string decoded, out int end)
        {
            decoded = string.Empty;
            end = at;
            var i = at + 1;
            if (i < source.Length && source[i] == '#')
            {
                i++;
                var hex = i < source.Length && source[i] is 'x' or 'X';
                if (hex)
                {
                    i++;
                }

                var digits = i;
                long value = 0;
                while (i < source.Length && (hex ? char.IsAsciiHexDigit(source[i]) : char.IsAsciiDigit(source[i])))
                {
                    value = Math.Min((value * (hex ? 16 : 10)) + Convert.ToInt32(source[i].ToString(), hex ? 16 : 10), 0x110000);
                    i++;
                }

                if (i == digits)
                {
                    return false;
                }

                if (i < source.Length && source[i] == ';')
                {
                    i++;
                }

                decoded = NumericReference(value);
                end = i;
                return true;
            }

            while (i < source.Length && i - at <= 40 && char.IsAsciiLetterOrDigit(source[i]))
            {
                i++;
            }

            if (i == at + 1)
            {
                return false;
            }

            var resolver = HtmlEntityProvider.Resolver;
            if (i < source.Length && source[i] == ';' && resolver.GetSymbol(source.Substring(at + 1, i - at)) is { } withSemicolon)
            {
                decoded = withSemicolon;
                end = i + 1;
                return true;
            }

            // Legacy references without a semicolon (&amp, &copy): the longest known prefix.
            for (var k = i; k > at + 1; k--)
            {
                if (resolver.GetSymbol(source.Substring(at + 1, k - at - 1)) is { } legacy)
                {
                    decoded = legacy;
                    end = k;
                    return true;
                }
            }

            return false;
        }

        private static string NumericReference(long value)
        {
            const string Cp1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
            if (value is >= 0x80 and <= 0x9F)
            {
                return Cp1252[(int)value - 0x80].ToString();
            }

            if (value == 0 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            {
                return "\uFFFD";
            }

            return char.ConvertFromUtf32((int)value);
        }
    }

    /// <summary>Builds the content, block by block, with its map into the source.</summary>
    private sealed class ContentBuilder(SourceMap map)
    {
        private readonly StringBuilder text = new();
        private readonly List<int> starts = [];
        private readonly List<int> ends = [];
        private int paragraphStart;

        public void AddElement(IElement root)
        {
            var stack = new Stack<(INode Node, bool Exit)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (node is IText textNode)
                {
                    AddText(textNode);
                    continue;
                }

                if (node is not IElement element)
                {
                    continue;
                }

                var block = Blocks.Contains(element.LocalName);
                if (exit)
                {
                    if (block)
                    {
                        Break();
                    }

                    continue;
                }

                if (!ReferenceEquals(element, root) && IsBoilerplate(element))
                {
                    continue;
                }

                if (block)
                {
                    Break();
                }

                stack.Push((element, true));
                for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, false));
                }
            }
        }

        public (string Content, int[] Starts, int[] Ends) Build()
        {
            Break();

            // Drop the paragraph separator after the last paragraph.
            while (text.Length > 0 && text[^1] == '\n')
            {
                text.Length--;
                starts.RemoveAt(starts.Count - 1);
                ends.RemoveAt(ends.Count - 1);
            }

            return (text.ToString(), [.. starts], [.. ends]);
        }

        private void AddText(IText node)
        {
            if (map.Of(node) is not { } positions)
            {
                return;
            }

            var data = node.Data;
            for (var i = 0; i < data.Length; i++)
            {
                var c = data[i];
                if (char.IsWhiteSpace(c) || c == '\0')
                {
                    if (text.Length == paragraphStart || text[^1] == ' ')
                    {
                        continue;
                    }

                    c = ' ';
                }

                text.Append(c);
                starts.Add(positions.Starts[i]);
                ends.Add(positions.Ends[i]);
            }
        }

        // Ends the paragraph being built (its trailing space dropped) with a blank line.
        private void Break()
        {
            if (text.Length > paragraphStart && text[^1] == ' ')
            {
                text.Length--;
                starts.RemoveAt(starts.Count - 1);
                ends.RemoveAt(ends.Count - 1);
            }

            if (text.Length == paragraphStart)
            {
                return;
            }

            var at = ends[^1];
            for (var k = 0; k < 2; k++)
            {
                text.Append('\n');
                starts.Add(at);
                ends.Add(at);
            }

            paragraphStart = text.Length;
        }
    }
}
