namespace Aligner.Restoration;

/// <summary>What a token of <see cref="SyllableTokenizer"/> is.</summary>
internal enum TokenKind : byte
{
    /// <summary>A run of letters (and combining marks): a syllable or a foreign word.</summary>
    Word,

    /// <summary>A run of letters and digits with at least one digit: a number or a code.</summary>
    Number,

    /// <summary>A clause mark: comma, semicolon or colon.</summary>
    Clause,

    /// <summary>The end of a sentence: . ! ? … followed by a space, a closing mark or the end of the line.</summary>
    SentenceEnd,
}

/// <summary>A token: a range of the line and its kind.</summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind);

/// <summary>
/// Splits one line into the tokens the syllable model sees. Training and restoration use the same tokenizer, so
/// the model's contexts match what the restorer gives it. Other punctuation and symbols are skipped.
/// </summary>
internal static class SyllableTokenizer
{
    public static void Tokenize(ReadOnlySpan<char> line, List<Token> tokens)
    {
        tokens.Clear();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (IsWordChar(c) || char.IsDigit(c))
            {
                var start = i;
                var digits = false;
                while (i < line.Length && (IsWordChar(line[i]) || char.IsDigit(line[i])))
                {
                    digits |= char.IsDigit(line[i]);
                    i++;
                }

                tokens.Add(new Token(start, i - start, digits ? TokenKind.Number : TokenKind.Word));
                continue;
            }

            switch (c)
            {
                case ',' or ';' or ':':
                    tokens.Add(new Token(i, 1, TokenKind.Clause));
                    break;
                case '.' or '!' or '?' or '…':
                    var next = i + 1 < line.Length ? line[i + 1] : ' ';
                    if (char.IsWhiteSpace(next) || next is '"' or '\'' or '”' or '’' or ')' or '»')
                    {
                        tokens.Add(new Token(i, 1, TokenKind.SentenceEnd));
                    }

                    break;
                default:
                    break;
            }

            i++;
        }
    }

    public static bool IsWordChar(char c) =>
        char.IsLetter(c) || (c >= '\u0300' && c <= '\u036F');

    // A word that opens with a capital and has a lower-case letter (Hương, Trump, McIntosh): a name inside a sentence.
    internal static bool IsNameLike(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]))
        {
            return false;
        }

        foreach (var c in word[1..])
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    // Title case (Hà, Nguyễn): a capital followed by at least one letter, none of them capitals.
    internal static bool IsCapitalised(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]))
        {
            return false;
        }

        foreach (var c in word[1..])
        {
            if (char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
