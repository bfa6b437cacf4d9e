using System.Globalization;
using System.Text;

namespace Aligner.Normalization;

/// <summary>
/// A normalised view of a text used for matching (Unicode NFC, odd spaces turned into U+0020, invisible
/// characters removed) together with a map from every normalised index back to the original text.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Newlines are kept so that paragraphs stay where they were. When the
/// original text needs no change no map is stored and offsets are the identity.
/// </remarks>
/// <example>
/// <code>
/// var view = NormalizedText.Create("Tô\u00A0Lâm\u200B");   // NBSP and a zero-width space
/// view.Text;                                               // "Tô Lâm"
/// view.ToOriginal(new TextRange(3, 6));                    // [3, 6) in the original
/// </code>
/// </example>
public sealed class NormalizedText
{
    // Original start and end of the source cluster that produced each normalised character; null when identity.
    private readonly int[]? starts;
    private readonly int[]? ends;

    private NormalizedText(string original, string text, int[]? starts, int[]? ends)
    {
        Original = original;
        Text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /// <summary>The text as it was given.</summary>
    public string Original { get; }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>True when normalisation changed nothing, so offsets in both texts are the same.</summary>
    public bool IsIdentity => starts is null;

    /// <summary>Builds the normalised view of <paramref name="original"/>.</summary>
    public static NormalizedText Create(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (!NeedsWork(original))
        {
            return new NormalizedText(original, original, null, null);
        }

        var composeAll = !original.IsNormalized(NormalizationForm.FormC);
        var builder = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        var i = 0;
        while (i < original.Length)
        {
            var c = original[i];
            if (CharClasses.IsInvisible(c))
            {
                i++;
                continue;
            }

            if (CharClasses.IsOddSpace(c))
            {
                Append(builder, starts, ends, ' ', i, i + 1);
                i++;
                continue;
            }

            // A cluster is a base character (or surrogate pair) with the combining marks that follow it.
            var clusterEnd = i + (char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1);
            while (clusterEnd < original.Length && IsCombining(original[clusterEnd]))
            {
                clusterEnd++;
            }

            if (composeAll && (clusterEnd - i > 1 || c >= '\u00C0'))
            {
                var composed = original.AsSpan(i, clusterEnd - i).ToString().Normalize(NormalizationForm.FormC);
                foreach (var d in composed)
                {
                    Append(builder, starts, ends, d, i, clusterEnd);
                }
            }
            else
            {
                for (var k = i; k < clusterEnd; k++)
                {
                    Append(builder, starts, ends, original[k], k, k + 1);
                }
            }

            i = clusterEnd;
        }

        return new NormalizedText(original, builder.ToString(), starts.ToArray(), ends.ToArray());
    }

    /// <summary>Maps a range of the normalised text to the range of the original text it came from.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the normalised text.</exception>
    public TextRange ToOriginal(TextRange range)
    {
        if (range.Start < 0 || range.End > Text.Length || range.Start > range.End)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "The range is not inside the normalised text.");
        }

        if (starts is null || ends is null)
        {
            return range;
        }

        if (range.IsEmpty)
        {
            var at = range.Start < starts.Length ? starts[range.Start] : Original.Length;
            return new TextRange(at, at);
        }

        return new TextRange(starts[range.Start], ends[range.End - 1]);
    }

    /// <summary>Maps a normalised index to the original index of the character it came from.</summary>
    public int ToOriginal(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Text.Length);
        if (starts is null)
        {
            return index;
        }

        return index < starts.Length ? starts[index] : Original.Length;
    }

    private static void Append(StringBuilder builder, List<int> starts, List<int> ends, char c, int start, int end)
    {
        builder.Append(c);
        starts.Add(start);
        ends.Add(end);
    }

    private static bool IsCombining(char c) => c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool NeedsWork(string text)
    {
        if (text.AsSpan().IndexOfAny(CharClasses.OddSpacesAndInvisibles) >= 0)
        {
            return true;
        }

        return !text.IsNormalized(NormalizationForm.FormC);
    }
}
