namespace Aligner.Normalization;

/// <summary>The legacy 8-bit Vietnamese encodings that <see cref="LegacyEncoding"/> recognises.</summary>
internal enum VietnameseLegacyEncoding
{
    /// <summary>Not a legacy encoding: Unicode text (or text that is not Vietnamese).</summary>
    None = 0,

    /// <summary>TCVN3 (ABC, the <c>.Vn</c> fonts): one byte per letter, <c>"ViÖt Nam"</c> when read as Windows-1252.</summary>
    Tcvn3 = 1,

    /// <summary>VNI (VNI-Windows fonts): a base letter followed by mark bytes, <c>"Vieät Nam"</c> when read as Windows-1252.</summary>
    Vni = 2,
}

/// <summary>
/// Detects Vietnamese text typed in a legacy font encoding (TCVN3/ABC or VNI) and shown as Windows-1252/Latin-1
/// characters, and converts it to Unicode (NFC) with a map from every converted character back to the original.
/// </summary>
/// <example>
/// <code>
/// LegacyEncoding.Detect("Tæng BÝ th­ Tô L©m");   // VietnameseLegacyEncoding.Tcvn3
/// LegacyEncoding.ToUnicode("Tæng BÝ th­", VietnameseLegacyEncoding.Tcvn3);   // "Tổng Bí thư"
/// LegacyEncoding.ToUnicode("Vieät Nam", VietnameseLegacyEncoding.Vni);         // "Việt Nam"
/// </code>
/// </example>
/// <remarks>
/// Detection compares how many words are well-formed Vietnamese syllables with diacritics before and after each
/// conversion, minus the words it would make malformed; a conversion is chosen only when it clearly wins, so
/// French, German or ordinary Unicode Vietnamese text is left alone. Thread-safe.
/// </remarks>
internal static class LegacyEncoding
{
    // TCVN3 (TCVN 5712 VN3) bytes 0xA1..0xFF, as the same code points in Windows-1252/Latin-1. '\0' = not mapped.
    private const string Tcvn3High =
        "ĂÂÊÔƠƯĐăâêôơưđẰ" + // A1..AF
        "\0\0\0\0\0àảãáạẲằẳẵắẴ" + // B0..BF (B0..B4 are combining marks, handled apart)
        "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ" + // C0..CF
        "éẹềểễếệìỉỄẾỒĩíịò" + // D0..DF
        "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"; // E0..FF

    private const string Tcvn3Combining = "\u0300\u0309\u0303\u0301\u0323"; // B0..B4

    // Windows-1252 code points for bytes 0x80..0x9F (the rest of the range is Latin-1).
    private const string Cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    /// <summary>
    /// The bytes of a legacy file as the characters its fonts show them with (Windows-1252, Latin-1 elsewhere),
    /// the form <see cref="Detect"/> and <see cref="ToUnicode(string, VietnameseLegacyEncoding)"/> read.
    /// </summary>
    internal static string FromBytes(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
        }

        return new string(chars);
    }

    /// <summary>Guesses the encoding of <paramref name="text"/>; <see cref="VietnameseLegacyEncoding.None"/> for Unicode text.</summary>
    public static VietnameseLegacyEncoding Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAnyInRange('\u00A1', '\u00FF') < 0 || HasUnicodeOnlyLetter(text))
        {
            return VietnameseLegacyEncoding.None;
        }

        var baseline = Score(text);
        var tcvn = Score(ToUnicode(text, VietnameseLegacyEncoding.Tcvn3));
        var vni = Score(ToUnicode(text, VietnameseLegacyEncoding.Vni));
        var best = tcvn.Net >= vni.Net ? (Kind: VietnameseLegacyEncoding.Tcvn3, Score: tcvn) : (Kind: VietnameseLegacyEncoding.Vni, Score: vni);
        if (best.Score.Valid >= 1 && best.Score.Net > baseline.Net && best.Score.Valid >= 2 * best.Score.Invalid)
        {
            return best.Kind;
        }

        return VietnameseLegacyEncoding.None;
    }

    /// <summary>Converts text in <paramref name="encoding"/> to Unicode (NFC).</summary>
    public static string ToUnicode(string text, VietnameseLegacyEncoding encoding) => ToUnicode(text, encoding, out _);

    /// <summary>
    /// Converts text in <paramref name="encoding"/> to Unicode (NFC). <paramref name="origins"/> gets, for every
    /// character of the result, the index of the first original character it came from (one more entry at the end:
    /// the original length), so the original range of result range [s, e) is [origins[s], origins[e]).
    /// </summary>
    public static string ToUnicode(string text, VietnameseLegacyEncoding encoding, out int[] origins)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new char[text.Length];
        var map = new int[text.Length + 1];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (encoding)
            {
                case VietnameseLegacyEncoding.Tcvn3:
                    if (c >= '\u00B0' && c <= '\u00B4' && n > 0 && TryAddTone(ref output[n - 1], Tcvn3Combining[c - '\u00B0']))
                    {
                        continue; // a combining mark joins the previous letter
                    }

                    if (c >= '\u00A1' && c <= '\u00FF' && Tcvn3High[c - '\u00A1'] != '\0')
                    {
                        c = Tcvn3High[c - '\u00A1'];
                    }

                    break;
                case VietnameseLegacyEncoding.Vni:
                    if (n > 0 && TryApplyVniMark(ref output[n - 1], c))
                    {
                        continue;
                    }

                    c = VniLetter(c);
                    break;
                default:
                    break;
            }

            output[n] = c;
            map[n] = i;
            n++;
        }

        map[n] = text.Length;
        origins = map[..(n + 1)];
        return new string(output, 0, n);
    }

    // VNI letters that stand alone: ơ ư đ, i and ỵ with tones.
    private static char VniLetter(char c) => c switch
    {
        'ô' => 'ơ', 'Ô' => 'Ơ', 'ö' => 'ư', 'Ö' => 'Ư', 'ñ' => 'đ', 'Ñ' => 'Đ',
        'ì' => 'ì', 'í' => 'í', 'æ' => 'ỉ', 'ó' => 'ĩ', 'ò' => 'ị',
        'Ì' => 'Ì', 'Í' => 'Í', 'Æ' => 'Ỉ', 'Ó' => 'Ĩ', 'Ò' => 'Ị',
        'î' => 'ỵ', 'Î' => 'Ỵ',
        _ => c,
    };

    // A VNI mark byte after a vowel: a tone, a circumflex or breve, or both.
    private static bool TryApplyVniMark(ref char previous, char mark)
    {
        var lowerMark = char.ToLowerInvariant(mark);
        var bare = VietnameseLetters.BaseOf(previous);
        if (VietnameseLetters.ToneOf(previous) != 0 || !VietnameseLetters.IsVowelBase(char.ToLowerInvariant(bare)))
        {
            return false;
        }

        var upper = char.IsUpper(previous);
        var lower = char.ToLowerInvariant(bare);
        int tone;
        char quality;
        switch (lowerMark)
        {
            case 'ø': tone = 1; quality = lower; break;
            case 'ù': tone = 2; quality = lower; break;
            case 'û': tone = 3; quality = lower; break;
            case 'õ': tone = 4; quality = lower; break;
            case 'ï': tone = 5; quality = lower; break;
            case 'â' or 'à' or 'á' or 'å' or 'ã' or 'ä' when lower is 'a' or 'e' or 'o':
                quality = lower switch { 'a' => 'â', 'e' => 'ê', _ => 'ô' };
                tone = lowerMark switch { 'à' => 1, 'á' => 2, 'å' => 3, 'ã' => 4, 'ä' => 5, _ => 0 };
                break;
            case 'ê' or 'è' or 'é' or 'ú' or 'ü' or 'ë' when lower == 'a':
                quality = 'ă';
                tone = lowerMark switch { 'è' => 1, 'é' => 2, 'ú' => 3, 'ü' => 4, 'ë' => 5, _ => 0 };
                break;
            default:
                return false;
        }

        if (quality != lower && lower != char.ToLowerInvariant(previous))
        {
            return false; // a circumflex or breve after a letter that already has one
        }

        var composed = VietnameseLetters.Compose(upper ? char.ToUpperInvariant(quality) : quality, tone);
        if (composed == '\0')
        {
            return false;
        }

        previous = composed;
        return true;
    }

    private static bool TryAddTone(ref char previous, char combining)
    {
        if (VietnameseLetters.ToneOf(previous) != 0 || !VietnameseLetters.IsVowelBase(char.ToLowerInvariant(previous)))
        {
            return false;
        }

        var tone = "\u0300\u0301\u0309\u0303\u0323".IndexOf(combining, StringComparison.Ordinal) + 1;
        var composed = VietnameseLetters.Compose(previous, tone);
        if (composed == '\0')
        {
            return false;
        }

        previous = composed;
        return true;
    }

    // A letter beyond Latin-1 that Windows-1252 cannot show (ă ơ ư đ, ạ…ỹ): the text is already Unicode, since a
    // legacy file read as Windows-1252 holds none; a legacy guess must never rewrite it.
    private static bool HasUnicodeOnlyLetter(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u00FF' && char.IsLetter(c) && !Cp1252High.Contains(c, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words with a non-ASCII letter: how many are Vietnamese syllables, how many are not.</summary>
    internal static (int Valid, int Invalid, int Net) Score(string text)
    {
        int valid = 0, invalid = 0;
        foreach (var (start, end) in LetterRuns.Of(text, LetterJoiners.SoftHyphen))
        {
            var word = text.AsSpan(start, end - start);
            if (word.ContainsAnyExceptInRange('\u0000', '\u007F'))
            {
                if (VietnameseLetters.IsSyllable(word))
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }
            }
        }

        return (valid, invalid, valid - invalid);
    }
}
