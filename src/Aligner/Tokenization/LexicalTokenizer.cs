using System.Globalization;
using System.Text;
using Aligner.Normalization;

namespace Aligner.Tokenization;

/// <summary>
/// Turns text into the units the bilingual lexicon is keyed on: lower-cased, lightly stemmed English words
/// (<c>"Presidents'"</c> ⇒ <c>"president"</c>, <c>"talks"</c> ⇒ <c>"talk"</c>), and lower-cased Vietnamese
/// syllables together with each pair of adjacent syllables joined by <c>'_'</c>, since Vietnamese words are often
/// several syllables long (<c>"Liên hợp quốc"</c> ⇒ <c>liên, hợp, quốc, liên_hợp, hợp_quốc</c>).
/// </summary>
/// <remarks>Stateless and thread-safe. Numbers and punctuation are not lexical units (they are anchors).</remarks>
internal static class LexicalTokenizer
{
    /// <summary>The stemmed English words of <paramref name="text"/>, in order.</summary>
    /// <example><c>EnglishWords("The talks ended.")</c> ⇒ <c>the, talk, end</c>.</example>
    public static List<string> EnglishWords(ReadOnlySpan<char> text)
    {
        var words = new List<string>();
        foreach (var (start, end) in Words(text))
        {
            var word = text[start..end];
            if (word.Length == 1 && word[0] is 's' or 'S' && start > 0 && text[start - 1] is '\'' or '’')
            {
                continue; // the "s" of a possessive
            }

            words.Add(StemEnglish(word.ToString().ToLowerInvariant()));
        }

        return words;
    }

    /// <summary>The lower-cased Vietnamese syllables of <paramref name="text"/>, in order.</summary>
    public static List<string> VietnameseSyllables(ReadOnlySpan<char> text)
    {
        var syllables = new List<string>();
        foreach (var (start, end) in Words(text))
        {
            syllables.Add(ToLowerNfc(text[start..end]));
        }

        return syllables;
    }

    /// <summary>Joins two adjacent syllables into one unit: <c>"hợp"</c>, <c>"tác"</c> ⇒ <c>"hợp_tác"</c>.</summary>
    public static string Join(string first, string second) => string.Concat(first, "_", second);

    /// <summary>
    /// A light English stemmer: plural and verb endings are removed so that inflected forms share one entry.
    /// It only has to be consistent between training and scoring, not linguistically exact.
    /// </summary>
    public static string StemEnglish(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var n = word.Length;
        if (n <= 3)
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && n > 4)
        {
            return string.Concat(word.AsSpan(0, n - 3), "y");
        }

        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..(n - 2)];
        }

        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
        {
            return word;
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && n > 5)
        {
            return Undouble(word[..(n - 3)]);
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && n > 4)
        {
            return Undouble(word[..(n - 2)]);
        }

        if (word[n - 1] == 's' && word[n - 2] != 's')
        {
            return word[..(n - 1)];
        }

        return word;
    }

    // "planned" ⇒ "plann" ⇒ "plan": a doubled final consonant is a spelling artefact of the ending.
    private static string Undouble(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e' or 'o') ? stem[..^1] : stem;

    /// <summary>
    /// A Vietnamese word as the lexicon knows it: lower case, NFC, the tone mark where the old style puts it (hòa, thủy,
    /// not hoà, thuỷ), so that both spellings are one unit in training, scoring and matching.
    /// </summary>
    public static string VietnameseUnit(ReadOnlySpan<char> word) => ToLowerNfc(word);

    private static string ToLowerNfc(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLower(CultureInfo.InvariantCulture);
        lower = lower.IsNormalized(NormalizationForm.FormC) ? lower : lower.Normalize(NormalizationForm.FormC);
        // A copy on the stack (a syllable is short): most syllables need no change, and this runs for every one scored.
        Span<char> chars = lower.Length <= 64 ? stackalloc char[lower.Length] : new char[lower.Length];
        lower.AsSpan().CopyTo(chars);
        return VietnameseLetters.PlaceTone(chars, ToneMarkStyle.Old) ? new string(chars) : lower;
    }

    // Runs of letters (with combining marks); anything else separates words.
    private static List<(int Start, int End)> Words(ReadOnlySpan<char> text)
    {
        var words = new List<(int, int)>();
        foreach (var run in LetterRuns.Of(text, LetterJoiners.CombiningMarks))
        {
            words.Add(run);
        }

        return words;
    }
}
