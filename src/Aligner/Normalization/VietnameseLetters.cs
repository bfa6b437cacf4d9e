using System.Text;

namespace Aligner.Normalization;

/// <summary>
/// Letter-level facts about Vietnamese: the tone of a precomposed letter, the letter without its tone, composing a
/// letter with a tone, and whether a word is a well-formed Vietnamese syllable. Tables are built once.
/// </summary>
internal static class VietnameseLetters
{
    /// <summary>Tone numbers: 0 none (ngang), 1 grave (huyền), 2 acute (sắc), 3 hook (hỏi), 4 tilde (ngã), 5 dot (nặng).</summary>
    private const string ToneMarks = "\u0300\u0301\u0309\u0303\u0323";

    private const int TableSize = 0x1F00;

    private static readonly char[] Bases = new char[TableSize];
    private static readonly byte[] Tones = new byte[TableSize];
    private static readonly char[] Composed = new char[TableSize * 6];

    static VietnameseLetters()
    {
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            Bases[i] = c;
            Composed[(i * 6) + 0] = c;
        }

        for (var i = 0xC0; i < TableSize; i++)
        {
            var c = (char)i;
            if (!char.IsLetter(c))
            {
                continue;
            }

            var d = c.ToString().Normalize(NormalizationForm.FormD);
            var tone = 0;
            var rest = new StringBuilder(d.Length);
            foreach (var m in d)
            {
                var t = ToneMarks.IndexOf(m, StringComparison.Ordinal);
                if (t >= 0 && tone == 0)
                {
                    tone = t + 1;
                }
                else
                {
                    rest.Append(m);
                }
            }

            if (tone == 0)
            {
                continue;
            }

            var bare = rest.ToString().Normalize(NormalizationForm.FormC);
            if (bare.Length != 1 || bare[0] >= TableSize || !IsVowelBase(char.ToLowerInvariant(bare[0])))
            {
                continue;
            }

            Bases[i] = bare[0];
            Tones[i] = (byte)tone;
            Composed[(bare[0] * 6) + tone] = c;
        }
    }

    /// <summary>The tone of a letter (0 none … 5 nặng).</summary>
    public static int ToneOf(char c) => c < TableSize ? Tones[c] : 0;

    /// <summary>The letter without its tone mark, other marks kept: <c>ệ</c> ⇒ <c>ê</c>, <c>Ờ</c> ⇒ <c>Ơ</c>.</summary>
    public static char BaseOf(char c) => c < TableSize ? Bases[c] : c;

    /// <summary>The precomposed letter for a toneless vowel and a tone, or <c>'\0'</c> when none exists.</summary>
    public static char Compose(char bare, int tone)
    {
        if (tone == 0)
        {
            return bare;
        }

        return bare < TableSize && tone is > 0 and < 6 ? Composed[(bare * 6) + tone] : '\0';
    }

    /// <summary>True for the twelve vowel letters without tone: a ă â e ê i o ô ơ u ư y (lower case).</summary>
    public static bool IsVowelBase(char lower) => lower is 'a' or 'ă' or 'â' or 'e' or 'ê' or 'i' or 'o' or 'ô' or 'ơ' or 'u' or 'ư' or 'y';

    /// <summary>
    /// Moves the tone mark of one word (a run of letters, NFC) to where <paramref name="style"/> puts it. Only open
    /// <c>oa</c>, <c>oe</c>, <c>uy</c> syllables change; case is kept; the length never changes.
    /// </summary>
    /// <returns>True when the word was changed.</returns>
    public static bool PlaceTone(Span<char> word, ToneMarkStyle style)
    {
        if (word.Length < 2)
        {
            return false;
        }

        var tonePos = -1;
        var tone = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var t = ToneOf(word[i]);
            if (t == 0)
            {
                continue;
            }

            if (tonePos >= 0)
            {
                return false; // two tones: not a syllable, leave it alone
            }

            tonePos = i;
            tone = t;
        }

        if (tone == 0)
        {
            return false;
        }

        var start = 0;
        if (word.Length >= 3 && Lower(word[0]) == 'q' && Lower(word[1]) == 'u')
        {
            start = 2;
        }
        else if (word.Length >= 3 && Lower(word[0]) == 'g' && Lower(word[1]) == 'i' && IsVowelBase(Lower(word[2])))
        {
            start = 2;
        }
        else
        {
            while (start < word.Length && IsOnsetLetter(Lower(word[start])))
            {
                start++;
            }
        }

        if (word.Length - start != 2 || !IsVowelBase(Lower(word[start])))
        {
            return false;
        }

        var first = Lower(word[start]);
        var second = Lower(word[start + 1]);
        if (!((first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y')))
        {
            return false;
        }

        var target = style == ToneMarkStyle.Old ? start : start + 1;
        if (tonePos == target || (tonePos != start && tonePos != start + 1))
        {
            return false;
        }

        var moved = Compose(BaseOf(word[target]), tone);
        if (moved == '\0')
        {
            return false;
        }

        word[tonePos] = BaseOf(word[tonePos]);
        word[target] = moved;
        return true;
    }

    // The vowel groups of Vietnamese syllables (without tone marks), after the onset (qu, gi included).
    private static readonly System.Collections.Frozen.FrozenSet<string> Nuclei = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
         "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ",
         "uê", "ui", "uô", "uơ", "ưa", "ưi", "ươ", "ưu", "uy", "ya", "yê",
         "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu", "uai", "uao", "uay", "ueo", "uơi"],
        StringComparer.Ordinal);

    // Looked up by span: IsSyllable allocates nothing.
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NucleiLookup = Nuclei.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="word"/> (letters only) is a well-formed Vietnamese syllable: an onset, one to three
    /// vowels, an optional final (c ch m n ng nh p t), at most one tone, and sắc or nặng after a stop final.
    /// </summary>
    public static bool IsSyllable(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 7)
        {
            return false;
        }

        Span<char> bare = stackalloc char[word.Length];
        var tone = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var t = ToneOf(word[i]);
            if (t != 0)
            {
                if (tone != 0)
                {
                    return false;
                }

                tone = t;
            }

            bare[i] = Lower(word[i]);
        }

        var onset = OnsetLength(bare);
        var v = onset;
        while (v < bare.Length && IsVowelBase(bare[v]))
        {
            v++;
        }

        if (v == onset || v - onset > 3 || !NucleiLookup.Contains(bare[onset..v]))
        {
            return false;
        }

        var final = bare[v..];
        var stop = final is "c" or "ch" or "p" or "t";
        if (!(final.IsEmpty || stop || final is "m" or "n" or "ng" or "nh"))
        {
            return false;
        }

        return !stop || tone is 2 or 5;
    }

    /// <summary>Lower case without tone: the letter as it counts for spelling rules.</summary>
    public static char Lower(char c) => char.ToLowerInvariant(BaseOf(c));

    private static bool IsOnsetLetter(char lower) => lower is 'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'q' or 'r' or 's' or 't' or 'v' or 'x';

    private static int OnsetLength(ReadOnlySpan<char> bare)
    {
        if (bare.StartsWith("ngh"))
        {
            return 3;
        }

        if (bare.Length > 2 && (bare.StartsWith("qu") || bare.StartsWith("gi")) && IsVowelBase(bare[2]))
        {
            return 2;
        }

        if (bare.StartsWith("ng") || bare.StartsWith("nh") || bare.StartsWith("ch") || bare.StartsWith("gh") ||
            bare.StartsWith("kh") || bare.StartsWith("ph") || bare.StartsWith("th") || bare.StartsWith("tr"))
        {
            return 2;
        }

        return bare.Length > 0 && IsOnsetLetter(bare[0]) && bare[0] != 'q' ? 1 : 0;
    }
}
