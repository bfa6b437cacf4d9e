using Aligner.Normalization;
using System.Text;
using System.Runtime.CompilerServices;

namespace Aligner.Detection;

/// <summary>Receives the features of a text from <see cref="FeatureScanner.Scan{TVisitor}"/>.</summary>
internal interface IFeatureVisitor
{
    /// <summary>A character n-gram (1 to the model's order, with word boundaries) of the current word.</summary>
    void Ngram(int bucket);

    /// <summary>The end of a word: its hashed form and what it looks like.</summary>
    void Word(int bucket, in WordShape shape);

    /// <summary>A letter of another script.</summary>
    void ForeignLetter();
}

/// <summary>What a word looks like apart from its letters.</summary>
/// <param name="Letters">Number of letters.</param>
/// <param name="Capitalised">Starts with a capital and does not open a sentence: likely a name, weighted down.</param>
/// <param name="Flags">The union of the <see cref="CharTable"/> flags of its characters.</param>
/// <param name="UpperFirst">Starts with a capital, wherever it stands (a name, or the first word of a sentence).</param>
/// <param name="Capitals">Written in capitals, two letters or more (a heading or an acronym; never taken for a name).</param>
internal readonly record struct WordShape(int Letters, bool Capitalised, byte Flags, bool UpperFirst, bool Capitals);

/// <summary>
/// Cuts a text into Latin words (folded to lower-case letters without diacritics) and reports their hashed
/// character n-grams and the hashed word. One pass, no allocation.
/// </summary>
internal static class FeatureScanner
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>Scans <paramref name="text"/>, reporting features to <paramref name="visitor"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="order">The longest n-gram, 1 to 7.</param>
    /// <param name="ngramBits">log2 of the number of n-gram buckets.</param>
    /// <param name="wordBits">log2 of the number of word buckets.</param>
    /// <param name="visitor">Receives the features.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Scan<TVisitor>(ReadOnlySpan<char> text, int order, int ngramBits, int wordBits, ref TVisitor visitor)
        where TVisitor : struct, IFeatureVisitor
    {
        var ngramShift = 64 - ngramBits;
        var wordShift = 64 - wordBits;
        ulong packed = 0;
        ulong wordHash = 0;
        var length = 0;
        var upperFirst = false;
        var allUpper = false;
        var flags = 0;
        var opensSentence = true;
        var inWord = false;
        var wordOpensSentence = true;
        var wordStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var code = CharTable.Code(c, out var charFlags);
            var apostrophe = false;
            if (inWord && c is '\'' or '’' && i + 1 < text.Length && CharTable.IsLowerLetter(text[i + 1]))
            {
                // An apostrophe before a lower-case letter opens a word of its own, as in English clitics ('s, 't, 're):
                // the stem keeps its own evidence (Trong's = Trong + 's). Before a capital it is part of a name (O'Brien).
                EndWord(ref visitor, text[wordStart..i], packed, wordHash, length, upperFirst, allUpper, !wordOpensSentence, flags, order, ngramShift, wordShift);
                inWord = false;
                code = CharTable.Apostrophe;
                apostrophe = true;
            }

            if (code == CharTable.Separator || code == CharTable.ForeignLetter)
            {
                if (inWord)
                {
                    EndWord(ref visitor, text[wordStart..i], packed, wordHash, length, upperFirst, allUpper, !wordOpensSentence, flags, order, ngramShift, wordShift);
                    inWord = false;
                }

                if (code == CharTable.ForeignLetter)
                {
                    visitor.ForeignLetter();
                }
                else if (c is '.' or '!' or '?' or '…' or '"' or '“' or '|' or '(')
                {
                    opensSentence = true;
                }

                continue;
            }

            if (code == CharTable.Mark)
            {
                flags |= charFlags;
                continue;
            }

            if (!inWord)
            {
                inWord = true;
                packed = CharTable.Boundary;
                wordHash = 0xCBF29CE484222325UL;
                length = 0;
                flags = 0;
                upperFirst = (charFlags & CharTable.Upper) != 0;
                allUpper = true;
                wordStart = i;
                wordOpensSentence = opensSentence || apostrophe;
                opensSentence = false;
            }

            flags |= charFlags;
            allUpper &= (charFlags & CharTable.Upper) != 0;
            packed = (packed << 8) | code;
            length++;
            wordHash = (wordHash ^ code) * 0x100000001B3UL;
            var top = Math.Min(order, length + 1);
            for (var n = 1; n <= top; n++)
            {
                var key = packed & (ulong.MaxValue >> (64 - (8 * n)));
                visitor.Ngram((int)(((key + (ulong)n) * Multiplier) >> ngramShift));
            }
        }

        if (inWord)
        {
            EndWord(ref visitor, text[wordStart..], packed, wordHash, length, upperFirst, allUpper, !wordOpensSentence, flags, order, ngramShift, wordShift);
        }
    }

    /// <summary>
    /// The flags of a word; when it is not shaped like a Vietnamese syllable its Vietnamese letters do not count as
    /// Vietnamese: in a lower-case word they are foreign diacritics (the ó of habló), in a capitalised one nothing
    /// (the é of Jiménez).
    /// </summary>
    private static int SyllableFlags(ReadOnlySpan<char> word, int flags)
    {
        const int Vietnamese = CharTable.VietnameseOnly | CharTable.VietnameseShared;

        // Only letters Vietnamese shares with other languages (é, á, ô) need the check: ơ, ư, đ or ạ are Vietnamese anyway.
        if ((flags & Vietnamese) != CharTable.VietnameseShared)
        {
            return flags;
        }

        // Decomposed text (a letter, then its marks) is composed first; only such words allocate.
        var syllable = word.ContainsAnyInRange('\u0300', '\u036F')
            ? VietnameseLetters.IsSyllable(word.ToString().Normalize(NormalizationForm.FormC))
            : VietnameseLetters.IsSyllable(word);
        if (syllable)
        {
            return flags;
        }

        // A capitalised word is likely a name, and names keep their accents in any language.
        return char.IsUpper(word[0]) ? flags & ~Vietnamese : (flags & ~Vietnamese) | CharTable.ForeignDiacritic;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EndWord<TVisitor>(ref TVisitor visitor, ReadOnlySpan<char> word, ulong packed, ulong wordHash, int length, bool upperFirst, bool allUpper, bool inside, int flags, int order, int ngramShift, int wordShift)
        where TVisitor : struct, IFeatureVisitor
    {
        flags = SyllableFlags(word, flags);
        packed = (packed << 8) | CharTable.Boundary;
        var top = Math.Min(order, length + 2);
        for (var n = 2; n <= top; n++)
        {
            var key = packed & (ulong.MaxValue >> (64 - (8 * n)));
            visitor.Ngram((int)(((key + (ulong)n) * Multiplier) >> ngramShift));
        }

        // A word in capitals (a heading, an acronym) says nothing of being a name.
        var capitals = allUpper && length >= 2;
        visitor.Word((int)((wordHash * Multiplier) >> wordShift), new WordShape(length, upperFirst && inside && !capitals, (byte)flags, upperFirst, capitals));
    }
}
