using System.Globalization;
using System.Text;

namespace Aligner.Normalization;

/// <summary>
/// Folds Latin letters to their bare ASCII form: every tone mark and diacritic is dropped and
/// <c>đ</c>/<c>Đ</c> become <c>d</c>/<c>D</c> (NFD does not decompose them). Used for matching keys.
/// </summary>
/// <example><c>VietnameseFolding.Fold("Nguyễn Quốc Dũng, Đà Nẵng")</c> ⇒ <c>"Nguyen Quoc Dung, Da Nang"</c>.</example>
internal static class VietnameseFolding
{
    // Precomposed letters from U+00C0 to U+024F and the Vietnamese block U+1E00..U+1EFF map to one ASCII letter.
    private static readonly char[] Table = BuildTable();

    /// <summary>Folds one character; combining marks fold to <c>'\0'</c>, meaning "drop".</summary>
    public static char Fold(char c)
    {
        if (c < '\u00C0')
        {
            return c;
        }

        if (c <= '\u1EFF')
        {
            return Table[c - '\u00C0'];
        }

        return c;
    }

    /// <summary>Returns <paramref name="text"/> with all diacritics removed and đ folded to d.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var f = Fold(c);
            if (f != '\0')
            {
                builder.Append(f);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the character is a letter that carries a diacritic, or đ/Đ.</summary>
    public static bool HasDiacritic(char c) => c >= '\u00C0' && c <= '\u1EFF' && Table[c - '\u00C0'] != c && Table[c - '\u00C0'] != '\0';

    private static char[] BuildTable()
    {
        var table = new char[0x1EFF - 0x00C0 + 1];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)(i + 0xC0);
            table[i] = c;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                table[i] = '\0';
                continue;
            }

            if (!char.IsLetter(c))
            {
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 0 && decomposed[0] < 0x80 && char.IsLetter(decomposed[0]))
            {
                table[i] = decomposed[0];
            }
        }

        table['đ' - 0xC0] = 'd';
        table['Đ' - 0xC0] = 'D';
        return table;
    }
}
