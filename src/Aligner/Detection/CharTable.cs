using Aligner.Normalization;

namespace Aligner.Detection;

/// <summary>
/// What the detector needs to know of each character below U+1F00: its folded letter code for n-grams and its
/// flags (capital, Vietnamese diacritic, foreign diacritic). Built once from <see cref="VietnameseFolding"/>.
/// </summary>
internal static class CharTable
{
    /// <summary>Not part of a word: spaces, digits, punctuation, symbols.</summary>
    public const byte Separator = 0;

    /// <summary>The word boundary in n-grams (never the code of a character).</summary>
    public const byte Boundary = 27;

    /// <summary>A combining mark: part of the word, adds only flags.</summary>
    public const byte Mark = 28;

    /// <summary>An apostrophe inside a word (never the code of a character on its own).</summary>
    public const byte Apostrophe = 254;

    /// <summary>A letter of another script (Cyrillic, Greek, Han, Arabic, ...).</summary>
    public const byte ForeignLetter = 255;

    public const byte Upper = 1;

    /// <summary>A letter or mark only Vietnamese uses among the languages we meet: ă ơ ư đ ĩ ũ, ạ ả ấ ... ỹ, hook above, dot below, horn.</summary>
    public const byte VietnameseOnly = 2;

    /// <summary>A letter Vietnamese shares with French, Portuguese and others: à á â ã è é ê ì í ò ó ô õ ù ú ý.</summary>
    public const byte VietnameseShared = 4;

    /// <summary>A Latin letter with a diacritic Vietnamese never uses: ç ñ ü ö ä ë ï î û å ø æ œ ß ...</summary>
    public const byte ForeignDiacritic = 8;

    private const int Size = 0x1F00;

    private static readonly byte[] Codes = new byte[Size];

    private static readonly byte[] Flags = new byte[Size];

    static CharTable()
    {
        const string shared = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";
        const string only = "ăĂơƠưƯđĐĩĨũŨ";
        for (var i = 0; i < Size; i++)
        {
            var c = (char)i;
            if (i is >= 0x0300 and <= 0x036F)
            {
                Codes[i] = Mark;
                Flags[i] = i switch
                {
                    0x0309 or 0x0323 or 0x031B or 0x0306 => VietnameseOnly,
                    0x0300 or 0x0301 or 0x0302 or 0x0303 => VietnameseShared,
                    _ => ForeignDiacritic,
                };
                continue;
            }

            if (!char.IsLetter(c))
            {
                continue;
            }

            var latin = i is < 0x0250 or (>= 0x1E00 and < 0x1F00);
            if (!latin)
            {
                Codes[i] = ForeignLetter;
                continue;
            }

            var folded = char.ToLowerInvariant(VietnameseFolding.Fold(c));
            Codes[i] = folded is >= 'a' and <= 'z' ? (byte)(folded - 'a' + 1) : (byte)(29 + (folded % 225));
            byte flags = char.IsUpper(c) ? Upper : (byte)0;
            if (only.Contains(c, StringComparison.Ordinal) || i is >= 0x1EA0 and <= 0x1EF9)
            {
                flags |= VietnameseOnly;
            }
            else if (shared.Contains(c, StringComparison.Ordinal))
            {
                flags |= VietnameseShared;
            }
            else if (i >= 0x80)
            {
                flags |= ForeignDiacritic;
            }

            Flags[i] = flags;
        }
    }

    /// <summary>Whether <paramref name="c"/> is a lower-case Latin letter.</summary>
    public static bool IsLowerLetter(char c) => Code(c, out var flags) is not (Separator or Mark or ForeignLetter) && (flags & Upper) == 0;

    /// <summary>The code of <paramref name="c"/>: 0 separator, 1–26 a–z, 28 mark, 29–253 other Latin, 255 other script.</summary>
    public static byte Code(char c, out byte flags)
    {
        if (c < Size)
        {
            flags = Flags[c];
            return Codes[c];
        }

        flags = 0;
        return !char.IsSurrogate(c) && char.IsLetter(c) ? ForeignLetter : Separator;
    }
}
