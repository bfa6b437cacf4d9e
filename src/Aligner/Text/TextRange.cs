namespace Aligner.Text;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in a text that is never modified.
/// Every result of the library points into the original text with ranges, never with rewritten substrings.
/// </summary>
/// <param name="Start">Index of the first code unit.</param>
/// <param name="End">Index one past the last code unit.</param>
/// <example><c>new TextRange(4, 9).Slice("The quick fox")</c> ⇒ <c>"quick"</c>.</example>
public readonly record struct TextRange(int Start, int End)
{
    /// <summary>The number of code units in the range.</summary>
    public int Length => End - Start;

    /// <summary>True when the range holds no code unit.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>Returns the part of <paramref name="text"/> that the range covers.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text[Start..End];

    /// <summary>Returns the part of <paramref name="text"/> that the range covers, as a new string.</summary>
    public string Substring(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[Start..End];
    }

    /// <summary>Returns the smallest range that covers both ranges.</summary>
    public TextRange Union(TextRange other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End})";

    /// <summary>
    /// Maps this range of a derived text through per-character maps (<paramref name="starts"/>, <paramref name="ends"/>:
    /// where each derived character begins and ends in the text it came from); the range itself when there are no
    /// maps. An empty range maps to the position of the character at its start (<paramref name="sourceLength"/> at the end).
    /// </summary>
    internal TextRange MapThrough(int derivedLength, int[]? starts, int[]? ends, int sourceLength, string paramName, string message)
    {
        if (Start < 0 || End > derivedLength || Start > End)
        {
            throw new ArgumentOutOfRangeException(paramName, this, message);
        }

        if (starts is null || ends is null)
        {
            return this;
        }

        if (IsEmpty)
        {
            var at = Start < starts.Length ? starts[Start] : sourceLength;
            return new TextRange(at, at);
        }

        return new TextRange(starts[Start], ends[End - 1]);
    }
}
