using Aligner.Normalization;
using Aligner.Text;

namespace Aligner.Segmentation;

/// <summary>
/// Splits a text into paragraphs. A paragraph is one non-blank line: text taken from web pages puts one block
/// element (headline, byline, paragraph, caption, list item) on each line, and blank lines only add space.
/// </summary>
/// <remarks>Stateless and thread-safe. Ranges exclude the leading and trailing whitespace of the line.</remarks>
internal static class ParagraphSplitter
{
    /// <summary>Returns the trimmed range of every non-blank line of <paramref name="text"/>, in order.</summary>
    /// <example><c>Split("Title\n\n  Body text. \n")</c> ⇒ <c>[0, 5)</c>, <c>[9, 19)</c>.</example>
    public static IReadOnlyList<TextRange> Split(ReadOnlySpan<char> text)
    {
        var result = new List<TextRange>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var rest = text[lineStart..];
            var newline = rest.IndexOfAny('\n', '\r');
            var lineEnd = newline < 0 ? text.Length : lineStart + newline;
            var start = lineStart;
            var end = lineEnd;
            while (start < end && CharClasses.IsSpace(text[start]))
            {
                start++;
            }

            while (end > start && CharClasses.IsSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                result.Add(new TextRange(start, end));
            }

            if (newline < 0)
            {
                break;
            }

            // \r\n, \n and a lone \r each end a line.
            lineStart = lineEnd + 1;
            if (text[lineEnd] == '\r' && lineStart < text.Length && text[lineStart] == '\n')
            {
                lineStart++;
            }
        }

        return result;
    }
}
