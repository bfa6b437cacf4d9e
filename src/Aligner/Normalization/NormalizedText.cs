using System.Text;
using Aligner.Text;

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

    /// <summary>Per normalised character, the original start of its source; null when the map is the identity.</summary>
    internal int[]? Starts => starts;

    /// <summary>Per normalised character, the original end of its source; null when the map is the identity.</summary>
    internal int[]? Ends => ends;

    /// <summary>A view built by another normaliser: <paramref name="starts"/>/<paramref name="ends"/> null for the identity.</summary>
    internal static NormalizedText FromParts(string original, string text, int[]? starts, int[]? ends) =>
        new(original, text, starts, ends);

    /// <summary>Builds the normalised view of <paramref name="original"/>.</summary>
    public static NormalizedText Create(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (!NeedsWork(original))
        {
            return new NormalizedText(original, original, null, null);
        }

        // Pass 1: drop invisible characters and turn odd spaces into U+0020, one character at a time.
        var chars = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];

            // An invisible character between CR and LF keeps the two line breaks apart ("a\r\u200B\nb" is three lines).
            if (CharClasses.IsInvisible(c) && !(chars.Length > 0 && chars[^1] == '\r' && i + 1 < original.Length && original[i + 1] == '\n'))
            {
                continue;
            }

            chars.Append(CharClasses.IsOddSpace(c) ? ' ' : c);
            starts.Add(i);
            ends.Add(i + 1);
        }

        var spaced = chars.ToString();
        if (IsNfc(spaced))
        {
            return new NormalizedText(original, spaced, [.. starts], [.. ends]);
        }

        // Pass 2: compose to NFC chunk by chunk. No ASCII character composes with what precedes it and canonical
        // reordering never crosses one, so a chunk that starts at an ASCII character normalises on its own.
        var composed = new StringBuilder(spaced.Length);
        var composedStarts = new List<int>(spaced.Length);
        var composedEnds = new List<int>(spaced.Length);
        var chunkStart = 0;
        while (chunkStart < spaced.Length)
        {
            var chunkEnd = chunkStart + 1;
            while (chunkEnd < spaced.Length && spaced[chunkEnd] >= '\u0080')
            {
                chunkEnd++;
            }

            var chunk = spaced.AsSpan(chunkStart, chunkEnd - chunkStart);
            string? normalised = null;
            if (chunk.Length > 1 || chunk[0] >= '\u0080')
            {
                var text = chunk.ToString();
                normalised = IsNfc(text) ? null : TryNormalize(text);
            }

            if (normalised is null)
            {
                for (var k = chunkStart; k < chunkEnd; k++)
                {
                    composed.Append(spaced[k]);
                    composedStarts.Add(starts[k]);
                    composedEnds.Add(ends[k]);
                }
            }
            else
            {
                // Characters that were composed map to the whole chunk they came from.
                foreach (var d in normalised)
                {
                    composed.Append(d);
                    composedStarts.Add(starts[chunkStart]);
                    composedEnds.Add(ends[chunkEnd - 1]);
                }
            }

            chunkStart = chunkEnd;
        }

        return new NormalizedText(original, composed.ToString(), [.. composedStarts], [.. composedEnds]);
    }

    /// <summary>Maps a range of the normalised text to the range of the original text it came from.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the normalised text.</exception>
    public TextRange ToOriginal(TextRange range) =>
        range.MapThrough(Text.Length, starts, ends, Original.Length, nameof(range), "The range is not inside the normalised text.");

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

    private static bool NeedsWork(string text) =>
        text.AsSpan().IndexOfAny(CharClasses.OddSpacesAndInvisibles) >= 0 || !IsNfc(text);

    // A lone surrogate makes the framework's normalisation throw; such text is left as it is.
    private static bool IsNfc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? TryNormalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
