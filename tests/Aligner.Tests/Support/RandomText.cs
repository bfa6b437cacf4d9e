using System.Text;
using Aligner.Normalization;
using FluentAssertions;

namespace Aligner.Tests.Support;

/// <summary>
/// Seeded random strings for invariant tests: a mix of ASCII, Vietnamese (precomposed and decomposed),
/// punctuation, quotes, brackets, digits, every kind of space and line end, invisible characters and emoji.
/// Always valid UTF-16 (no lone surrogates), as text decoded from a file is.
/// </summary>
internal static class RandomText
{
    private static readonly string[] Pieces =
    [
        "a", "b", "e", "o", "u", "y", "A", "B", "T", "V", "Đ", "đ", "ệ", "ố", "ữ", "ằ", "Ấ", "hoà", "hòa", "Việt", "Nam",
        "e\u0323\u0302", "o\u031B\u0300", "A\u0301", "\u0301", "\u0323",
        "U.S.", "Mr.", "TP.", "ThS.", "J.F.", "Inc.", "No.", "e.g.", "p.m.",
        "0", "1", "7", "22", "1.5", "22.10.2022", "21/9", "US$88", "1,000.5", "1.000,5", "%",
        ".", ".", ".", "!", "?", "…", "...", ",", ";", ":", "-", "–", "/", "|",
        "\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "{", "}",
        " ", " ", " ", " ", "  ", "\t", "\u00A0", "\u202F", "\u2009", "\u3000",
        "\n", "\n", "\r\n", "\r", "\n\n", "\u2028", "\u0085", "\u000C",
        "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u200E",
        "😀", "𝐀", "中", "й", "ß",
        "é", "Jiménez", "café", "'s", "’t", "O'Brien", "TIN", "LIÊN",
    ];

    public static string Next(Random random, int maxPieces)
    {
        var count = random.Next(0, maxPieces + 1);
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A sentence-like string of <paramref name="words"/> random lower-case words.</summary>
    public static string Words(Random random, int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var length = random.Next(1, 9);
            for (var k = 0; k < length; k++)
            {
                builder.Append((char)('a' + random.Next(26)));
            }
        }

        return builder.ToString();
    }

    /// <summary>Asserts that <paramref name="restored"/> is <paramref name="text"/> with marks added to bare letters only (same length).</summary>
    public static void ShouldOnlyAddMarks(string text, string restored)
    {
        restored.Length.Should().Be(text.Length);
        for (var c = 0; c < text.Length; c++)
        {
            if (restored[c] != text[c])
            {
                char.IsAsciiLetter(text[c]).Should().BeTrue($"only bare letters change ({text[c]} → {restored[c]})");
                VietnameseFolding.Fold(restored[c]).Should().Be(text[c]);
            }
        }
    }
}
