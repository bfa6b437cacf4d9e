namespace Aligner.Normalization;

/// <summary>What may continue a run of letters besides letters (<see cref="LetterRuns"/>).</summary>
[Flags]
internal enum LetterJoiners
{
    /// <summary>Letters only.</summary>
    None = 0,

    /// <summary>The soft hyphen U+00AD (a legacy-encoded word may hold one).</summary>
    SoftHyphen = 1,

    /// <summary>The combining diacritical marks U+0300–U+036F (decomposed Vietnamese).</summary>
    CombiningMarks = 2,
}

/// <summary>
/// The one letter-run scanner of the library: a word starts at a letter and goes on while letters (and the
/// <see cref="LetterJoiners"/> asked for) follow; anything else separates words. Used by the legacy-encoding
/// detector, tone placement, the lexical tokenizer and the restorer's text-level checks.
/// </summary>
/// <example><c>foreach (var (start, end) in LetterRuns.Of("Hà Nội, 2024")) …</c> ⇒ (0, 2), (3, 6).</example>
internal static class LetterRuns
{
    /// <summary>The runs of <paramref name="text"/>, as [start, end) ranges, in order.</summary>
    public static Enumerator Of(ReadOnlySpan<char> text, LetterJoiners joiners = LetterJoiners.None) => new(text, joiners);

    /// <summary>True when <paramref name="c"/> continues a run under <paramref name="joiners"/>.</summary>
    public static bool Continues(char c, LetterJoiners joiners) =>
        char.IsLetter(c)
        || ((joiners & LetterJoiners.SoftHyphen) != 0 && c == '\u00AD')
        || ((joiners & LetterJoiners.CombiningMarks) != 0 && c is >= '\u0300' and <= '\u036F');

    /// <summary>Enumerates the runs without allocating.</summary>
    public ref struct Enumerator(ReadOnlySpan<char> text, LetterJoiners joiners)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int at;

        /// <summary>The current run.</summary>
        public (int Start, int End) Current { get; private set; }

        /// <summary>Itself (for <c>foreach</c>).</summary>
        public readonly Enumerator GetEnumerator() => this;

        /// <summary>Moves to the next run.</summary>
        public bool MoveNext()
        {
            var i = at;
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                at = i;
                return false;
            }

            var start = i;
            while (i < text.Length && Continues(text[i], joiners))
            {
                i++;
            }

            Current = (start, i);
            at = i;
            return true;
        }
    }
}
