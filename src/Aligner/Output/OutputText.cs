using System.Globalization;
using System.Text;
using Aligner.Alignment;
using Aligner.Matching;

namespace Aligner.Output;

/// <summary>Text clean-up and number formatting shared by the writers.</summary>
internal static class OutputText
{
    /// <summary>What replaces a character that XML 1.0 does not allow.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>An aligned pair to write: both texts, its score and shape, and its passage when it comes from matching.</summary>
    public readonly record struct Pair(string English, string Vietnamese, double Score, BeadKind Kind, MatchedPassage? Passage);

    /// <summary>The pairs of an alignment with both sides, in document order.</summary>
    public static IEnumerable<Pair> Pairs(DocumentAlignment alignment)
    {
        foreach (var bead in alignment.Beads)
        {
            if (alignment.EnglishRange(bead) is { } en && alignment.VietnameseRange(bead) is { } vi)
            {
                yield return new Pair(alignment.English.ContentOf(en), alignment.Vietnamese.ContentOf(vi), bead.Score, bead.Kind, null);
            }
        }
    }

    /// <summary>The pairs of matched passages, passage after passage.</summary>
    public static IEnumerable<Pair> Pairs(IEnumerable<MatchedPassage> passages)
    {
        foreach (var passage in passages)
        {
            foreach (var pair in passage.Pairs)
            {
                yield return new Pair(passage.English.ContentOf(pair.English), passage.Vietnamese.ContentOf(pair.Vietnamese), pair.Score, pair.Kind, passage);
            }
        }
    }

    /// <summary>A score with at most four decimals, in the invariant culture (<c>0.9312</c>); 0 when not finite.</summary>
    public static string Score(double score) =>
        (double.IsFinite(score) ? Math.Round(score, 4) : 0).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether <paramref name="text"/> holds only characters XML 1.0 allows: tab, line feed, carriage return,
    /// U+0020–U+D7FF, U+E000–U+FFFD and well-formed surrogate pairs.
    /// </summary>
    public static bool IsXmlSafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (!IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Replaces every character XML 1.0 does not allow (controls other than tab, line feed and carriage return,
    /// lone surrogates, U+FFFE and U+FFFF) with U+FFFD, so the text can be written into XML and HTML.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (IsXmlSafe(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(IsXmlChar(c) ? c : Replacement);
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    /// <summary>The version written into outputs: the package version, without the source revision.</summary>
    public static string ToolVersion { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(OutputText).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(OutputText).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
