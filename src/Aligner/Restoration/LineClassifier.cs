using System.Collections.Frozen;
using Aligner.Detection;
using Aligner.Normalization;
using Aligner.Segmentation;

namespace Aligner.Restoration;

/// <summary>
/// The token rules of <see cref="DiacriticRestorer"/>: splits a line into tokens and decides, token by token, what
/// the beam search may choose from (<see cref="Candidates"/>: the accented forms of a bare Vietnamese syllable, or
/// null where the token is kept as written) and what it reads as fixed context (<see cref="Ids"/>). Web addresses,
/// codes in capitals, initials, foreign and English words, English sentences, names in accented or English text,
/// title-case headlines and photo credits are decided here; the search (<see cref="SyllableBeamSearch"/>) knows none
/// of them.
/// </summary>
/// <remarks>Holds per-line scratch arrays: one instance per restoration call, never shared.</remarks>
internal sealed class LineClassifier
{
    // English words that are also bare Vietnamese syllables: they count as weak evidence of English.
    private static readonly FrozenSet<string> EnglishWords = FrozenSet.ToFrozenSet(
        ["a", "an", "at", "be", "but", "can", "do", "go", "he", "i", "in", "it", "me", "my", "no", "not", "on", "so",
         "than", "that", "the", "then", "them", "to", "up", "men", "man", "ten", "long", "hot", "top", "pin", "bin", "chin"],
        StringComparer.Ordinal);

    // Frequent English words that are not Vietnamese syllables: their presence says the text has English in it.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishMarkerLookup = FrozenSet.ToFrozenSet(
        ["and", "of", "with", "was", "were", "is", "are", "for", "from", "this", "which", "said", "has", "have", "will",
         "would", "by", "its", "their", "been", "The", "And", "This", "In", "For"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup =
        EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly SyllableLanguageModel model;
    private readonly DiacriticRestorerOptions options;
    private readonly int[]? photoLabel;
    private readonly List<Token> tokens = [];
    private readonly char[] scratch = new char[8];
    private readonly EnglishSpans? englishSpans;

    // Per token of the line.
    private int[] ids = new int[64];
    private int[]?[] cands = new int[]?[64];
    private float[] vWeight = new float[64];
    private float[] eWeight = new float[64];
    private float[] mWeight = new float[64];
    private float[] lWeight = new float[64];
    private int[] wordIndex = new int[64];
    private bool[] title = new bool[64];
    private bool[] foreignName = new bool[64];
    private string?[] codes = new string?[64];
    private sbyte[] next = new sbyte[64];
    private bool[] headline = new bool[64];

    private bool namesAsWritten;

    /// <summary>Builds the rules over <paramref name="model"/>; <paramref name="photoLabel"/> is the candidate list of "ảnh", or null.</summary>
    public LineClassifier(SyllableLanguageModel model, DiacriticRestorerOptions options, LanguageDetector? detector, int[]? photoLabel)
    {
        this.model = model;
        this.options = options;
        this.photoLabel = photoLabel;
        englishSpans = detector is not null ? new EnglishSpans(detector, model) : null;
    }

    /// <summary>The tokens of the last classified line.</summary>
    public List<Token> Tokens => tokens;

    /// <summary>Per token: the model id the search reads when the token is not restored.</summary>
    public int[] Ids => ids;

    /// <summary>Per token: the candidate forms (model ids) the search chooses from, or null when kept as written.</summary>
    public int[]?[] Candidates => cands;

    /// <summary>Per token: a capital inside a sentence, which favours the forms seen capitalised (names).</summary>
    public bool[] Title => title;

    /// <summary>Per token: 1 when the next word is a name (capitalised inside a sentence), −1 when it is another word, 0 when no word follows.</summary>
    public sbyte[] Next => next;

    /// <summary>Per token: the marked spelling of an abbreviation in bare capitals (<c>HDND</c> → <c>HĐND</c>), or null.</summary>
    public string?[] Codes => codes;

    /// <summary>
    /// Looks at the whole text once: in a text typed with diacritics (at least 2 % of its letters carry them), a
    /// window of capitalised bare words alone, such as the byline "Song Minh", is a name written as it is spelt; the
    /// same in a text with English in it (at least 2 % of its words are English function words): names of
    /// Vietnamese people in an English report ("Ambassador Dang Hoang Giang") are written without marks.
    /// </summary>
    public void SetText(ReadOnlySpan<char> text)
    {
        int letters = 0, marked = 0, words = 0, english = 0;
        foreach (var (from, to) in LetterRuns.Of(text))
        {
            for (var i = from; i < to; i++)
            {
                marked += VietnameseFolding.HasDiacritic(text[i]) ? 1 : 0;
            }

            letters += to - from;
            words++;
            english += to - from <= 5 && EnglishMarkerLookup.Contains(text[from..to]) ? 1 : 0;
        }

        namesAsWritten = (marked * 50 >= letters && marked > 0) || (english * 50 >= words && english >= 2);
    }

    /// <summary>
    /// Tokenizes <paramref name="line"/> and fills <see cref="Ids"/>, <see cref="Candidates"/> and <see cref="Title"/>.
    /// </summary>
    /// <returns>False when nothing in the line may be restored (then the arrays are not to be read).</returns>
    public bool Classify(ReadOnlySpan<char> line)
    {
        SyllableTokenizer.Tokenize(line, tokens);
        var n = tokens.Count;
        if (n == 0)
        {
            return false;
        }

        EnsureTokens(n);

        // Headlines in capitals: capitalised bare syllables are words, not codes.
        int longWords = 0, upperWords = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Word && t.Length >= 2)
            {
                longWords++;
                upperWords += Casing(line.Slice(t.Start, t.Length)) == 2 ? 1 : 0;
            }
        }

        var capsLine = longWords >= 2 && upperWords * 10 >= longWords * 6;
        var words = 0;
        var sentenceEnds = 0;
        var anyRestorable = false;
        var initial = true;
        for (var i = 0; i < n; i++)
        {
            var t = tokens[i];
            cands[i] = null;
            title[i] = false;
            foreignName[i] = false;
            codes[i] = null;
            next[i] = 0;
            headline[i] = false;
            vWeight[i] = eWeight[i] = mWeight[i] = lWeight[i] = 0;
            switch (t.Kind)
            {
                case TokenKind.Number:
                    ids[i] = SyllableLanguageModel.NumberId;
                    continue;
                case TokenKind.Clause:
                    ids[i] = SyllableLanguageModel.ClauseId;
                    continue;
                case TokenKind.SentenceEnd:
                    ids[i] = SyllableLanguageModel.SentenceEnd;
                    initial = true;
                    sentenceEnds += i + 1 < n ? 1 : 0;
                    continue;
                default:
                    break;
            }

            if (InWebAddress(line, t.Start))
            {
                ids[i] = SyllableLanguageModel.Unknown; // part of a URL, an e-mail or a domain: never changed
                continue;
            }

            wordIndex[words++] = i;
            // A capital letter alone followed by a dot, a hyphen or an apostrophe is an initial (J. Smith, A-B, O’Hagan), not a syllable (Ở, Á).
            var end = t.Start + t.Length;
            var isInitial = t.Length == 1 && end < line.Length && line[end] is '.' or '-' or '&' or '/' or '\'' or '’';
            anyRestorable |= Classify(line.Slice(t.Start, t.Length), i, capsLine, isInitial);

            // A capital inside a sentence favours the forms seen capitalised (names), as the trainer counted them.
            title[i] = !initial && !capsLine && cands[i] is not null && SyllableTokenizer.IsCapitalised(line.Slice(t.Start, t.Length));
            initial = false;
        }

        // A line in English keeps its names as written (asked only when there is something to restore).
        if (!anyRestorable || englishSpans?.IsEnglish(line) == true)
        {
            return false;
        }

        if (sentenceEnds > 0 && englishSpans is not null)
        {
            EnglishSentences(line);
        }

        TitleCaseHeadlines(words);
        PhotoCredits(line);
        Decide(words);
        NextWords(line, capsLine);
        return true;
    }

    // Sets ids/cands/weights of a word token; true when it may be restored.
    private bool Classify(ReadOnlySpan<char> word, int i, bool capsLine, bool initial)
    {
        var ascii = true;
        foreach (var c in word)
        {
            ascii &= char.IsAsciiLetter(c);
        }

        var casing = Casing(word);
        if (!ascii)
        {
            ids[i] = SyllableLanguageModel.Unknown;
            if (SyllableKey.TryCanonical(word, scratch, out var canonical) && VietnameseLetters.IsSyllable(canonical))
            {
                ids[i] = model.IdOf(canonical);
                vWeight[i] = 1;
                mWeight[i] = 1;
                lWeight[i] = 1;
            }
            else
            {
                eWeight[i] = 1;
            }

            return false;
        }

        if (word.Length > scratch.Length)
        {
            // A capitalised foreign word is a name (Tweezerman, Flagstaff): names say nothing about the language
            // around them ("Revlon, Essie va Dr. PawPaw" is Vietnamese), so they weigh nothing either way.
            return NotASyllable(i, casing, casing == 0 ? 1 : 0, casing is 0 or 1 ? model.WordForm(word) : null);
        }

        var lower = scratch.AsSpan(0, word.Length);
        word.ToLowerInvariant(lower);
        var list = model.CandidatesOf(lower);
        if (list is null)
        {
            // Names and codes are neither Vietnamese nor English, names in mixed case included (YouGov, iPhone: a bare
            // "to" after them is Vietnamese).
            return NotASyllable(i, casing, casing is 1 or 2 or 3 ? 0 : 1, casing switch { 2 => model.CodeForm(word), 0 or 1 => model.WordForm(word), _ => null });
        }

        ids[i] = model.IdOf(lower);
        if (casing == 3 || (casing == 2 && !capsLine) || (initial && casing != 0))
        {
            eWeight[i] = casing == 3 ? 1 : 0; // mixed case is foreign; capitals and initials are codes
            return false;
        }

        if (EnglishLookup.Contains(lower))
        {
            vWeight[i] = 0.25f;
            eWeight[i] = 0.75f;
        }
        else if (casing == 1 && !capsLine)
        {
            vWeight[i] = 1f; // a capitalised bare syllable may be a name in any language (Bui Thanh Son said)
            lWeight[i] = 0;
            cands[i] = list;
            return true;
        }
        else
        {
            vWeight[i] = 1;
        }

        lWeight[i] = vWeight[i];
        cands[i] = list;
        return true;
    }

    // True when the whitespace-delimited chunk around index `at` is a web address: it has "://", starts with
    // "www.", holds an @ between letters, or ends in a lower-case domain suffix after a dot (vietnamplus.vn/abc).
    private static bool InWebAddress(ReadOnlySpan<char> line, int at)
    {
        var start = at;
        while (start > 0 && !char.IsWhiteSpace(line[start - 1]))
        {
            start--;
        }

        var end = at;
        while (end < line.Length && !char.IsWhiteSpace(line[end]))
        {
            end++;
        }

        var chunk = line[start..end];
        if (chunk.Length < 4 || (chunk.IndexOf('.') < 0 && chunk.IndexOf('@') < 0))
        {
            return false;
        }

        if (chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var i = 1; i + 1 < chunk.Length; i++)
        {
            if (chunk[i] == '@' && char.IsLetterOrDigit(chunk[i - 1]) && char.IsLetterOrDigit(chunk[i + 1]))
            {
                return true;
            }

            if (chunk[i] == '.' && char.IsAsciiLetterLower(chunk[i - 1]))
            {
                var j = i + 1;
                while (j < chunk.Length && char.IsAsciiLetterLower(chunk[j]))
                {
                    j++;
                }

                if (j - i - 1 is >= 2 and <= 6 && (j == chunk.Length || chunk[j] is '/' or ':' or '?' or '#'))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Token i is a word the model has no syllable for: a capitalised one is a foreign name; a marked spelling the
    // model knows for it (code: HĐND, ôtô) is Vietnamese to restore, and weighs nothing for English; anything else
    // weighs englishWeight for English. True when there is something to restore.
    private bool NotASyllable(int i, int casing, float englishWeight, string? code)
    {
        ids[i] = SyllableLanguageModel.Unknown;
        foreignName[i] = casing == 1;
        codes[i] = code;
        eWeight[i] = code is null ? englishWeight : 0;
        return code is not null;
    }

    // News captions end with a photo credit, "Ảnh: TTXVN" or "(Ảnh: Lâm Khánh/TTXVN)", and pages glue it to the text
    // that follows ("Ảnh: Getty Ngày 5/6, ..."): a bare "Anh:" that opens a line, a sentence or a bracket, or follows
    // a dash, is that label when a capitalised word or a code follows it, or at most six words to the end of the line
    // or bracket. So is "Anh minh hoa" (an illustration; "Minh" in capitals is a name) opening one, and "Nguon anh:"
    // (the photo's source) anywhere. Encyclopedic training text has no captions to learn them from.
    private void PhotoCredits(ReadOnlySpan<char> line)
    {
        if (photoLabel is null)
        {
            return;
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var t = tokens[i];
            if (cands[i] is null || t.Length != 3 || !line.Slice(t.Start, 3).Equals("anh", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var colon = tokens[i + 1].Kind == TokenKind.Clause && line[t.Start + 3] == ':';
            if (colon && i > 0 && IsWord(line, tokens[i - 1], "nguon") && tokens[i - 1].Start + 5 == t.Start - 1)
            {
                cands[i] = photoLabel; // "Nguồn ảnh:", the photo's source
                continue;
            }

            var before = t.Start > 1 && line[t.Start - 1] == ' ' ? line[t.Start - 2] : '\0';
            if (!(i == 0 || tokens[i - 1].Kind == TokenKind.SentenceEnd || (t.Start > 0 && line[t.Start - 1] == '(') || before is '-' or '–' or '—' or '|'))
            {
                continue;
            }

            if (!colon)
            {
                if (i + 2 < tokens.Count && line[tokens[i + 1].Start] == 'm' && IsWord(line, tokens[i + 1], "minh") && IsWord(line, tokens[i + 2], "hoa"))
                {
                    cands[i] = photoLabel;
                }

                continue;
            }

            if (i + 2 < tokens.Count && tokens[i + 2].Kind == TokenKind.Word && char.IsUpper(line[tokens[i + 2].Start]))
            {
                cands[i] = photoLabel;
                continue;
            }

            var rest = line[(t.Start + 4)..];
            var close = rest.IndexOf(')');
            rest = close >= 0 ? rest[..close] : rest;
            var credit = 0;
            for (var k = i + 2; k < tokens.Count && tokens[k].Start < t.Start + 4 + rest.Length; k++)
            {
                credit += tokens[k].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
            }

            if (credit is >= 1 and <= 6)
            {
                cands[i] = photoLabel;
            }
        }
    }

    private static bool IsWord(ReadOnlySpan<char> line, Token token, string word) =>
        token.Kind == TokenKind.Word && line.Slice(token.Start, token.Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    // In a line of several sentences, the sentences the detector calls English (split as the aligner splits them,
    // so "Mr." ends none) keep their words as written; they still count as English context for their neighbours.
    private void EnglishSentences(ReadOnlySpan<char> line)
    {
        var sentences = SentenceSplitter.Split(line);
        if (sentences.Count < 2)
        {
            return;
        }

        var t = 0;
        foreach (var sentence in sentences)
        {
            var isEnglish = englishSpans!.IsEnglish(sentence.Range.Slice(line));
            for (; t < tokens.Count && tokens[t].Start < sentence.Range.End; t++)
            {
                if (isEnglish && tokens[t].Start >= sentence.Range.Start)
                {
                    cands[t] = null;
                    codes[t] = null;
                }
            }
        }
    }

    // A run of five or more capitalised bare syllables is a headline in title case ("Ngap Lut Tai Thanh Pho ..."),
    // not a name (Vietnamese names have at most four syllables): its words count as lower case. Foreign names inside
    // it neither count nor end it ("Mua Lon O Phoenix Lam Ngap Nha Dan").
    private void TitleCaseHeadlines(int words)
    {
        const int MinimumRun = 5;
        var runStart = 0;
        var run = 0;
        for (var j = 0; j <= words; j++)
        {
            if (j < words && cands[wordIndex[j]] is not null && lWeight[wordIndex[j]] == 0)
            {
                run++;
                continue;
            }

            if (j < words && foreignName[wordIndex[j]])
            {
                continue; // a foreign name inside the headline ("... Tai Thanh Pho Salt Lake Voi ...") does not end it
            }

            if (run >= MinimumRun)
            {
                for (var r = runStart; r < j; r++)
                {
                    lWeight[wordIndex[r]] = vWeight[wordIndex[r]];
                    headline[wordIndex[r]] = true;
                }
            }

            runStart = j + 1;
            run = 0;
        }
    }

    // Keeps a candidate list only where the window around the word is bare Vietnamese.
    private void Decide(int words)
    {
        var w = options.Window;
        float v = 0, e = 0, m = 0, l = 0;
        int lo = 0, hi = -1;
        for (var j = 0; j < words; j++)
        {
            while (hi < Math.Min(words - 1, j + w))
            {
                hi++;
                var t = wordIndex[hi];
                v += vWeight[t];
                e += eWeight[t];
                m += mWeight[t];
                l += lWeight[t];
            }

            while (lo < j - w)
            {
                var t = wordIndex[lo];
                v -= vWeight[t];
                e -= eWeight[t];
                m -= mWeight[t];
                l -= lWeight[t];
                lo++;
            }

            var i = wordIndex[j];
            if (cands[i] is null ? codes[i] is null : ReferenceEquals(cands[i], photoLabel))
            {
                continue;
            }

            // Vietnamese: enough of the window, and in accented text at least one syllable that is not
            // capitalised (a line of capitalised words alone, such as a byline "Song Minh", is a name).
            var vietnamese = v >= options.MinVietnameseShare * (v + e) - 1e-4f && (l >= 1 - 1e-4f || !namesAsWritten);
            var accented = m >= options.AccentedShare * v - 1e-4f && m > 0;
            if (codes[i] is not null)
            {
                // An abbreviation is written with its marks in bare Vietnamese (a window with a syllable in it), as typed in accented text.
                if (!vietnamese || accented || v < 1 - 1e-4f)
                {
                    codes[i] = null;
                }

                continue;
            }

            // In accented text a bare syllable is taken as written, unless its bare spelling is not a word of its
            // own (troi, dep: the marks were left off), where the accented neighbours now constrain it.
            if (!vietnamese || (accented && Array.IndexOf(cands[i]!, ids[i]) >= 0))
            {
                cands[i] = null;
            }
        }
    }

    // Whether a name follows each restorable word: a word that opens with a capital inside a sentence, outside
    // headlines in capitals or title case (there a capital says nothing).
    private void NextWords(ReadOnlySpan<char> line, bool capsLine)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var t = tokens[i + 1];
            if (cands[i] is null || capsLine || t.Kind != TokenKind.Word || headline[i + 1] || headline[i])
            {
                continue;
            }

            next[i] = SyllableTokenizer.IsNameLike(line.Slice(t.Start, t.Length)) ? (sbyte)1 : (sbyte)-1;
        }
    }

    private void EnsureTokens(int n)
    {
        if (ids.Length >= n)
        {
            return;
        }

        var size = Math.Max(n, ids.Length * 2);
        Array.Resize(ref ids, size);
        Array.Resize(ref cands, size);
        Array.Resize(ref vWeight, size);
        Array.Resize(ref eWeight, size);
        Array.Resize(ref mWeight, size);
        Array.Resize(ref lWeight, size);
        Array.Resize(ref wordIndex, size);
        Array.Resize(ref title, size);
        Array.Resize(ref foreignName, size);
        Array.Resize(ref codes, size);
        Array.Resize(ref next, size);
        Array.Resize(ref headline, size);
    }

    // 0 lower, 1 Title, 2 UPPER, 3 mIxed.
    private static int Casing(ReadOnlySpan<char> word)
    {
        var upper = 0;
        foreach (var c in word)
        {
            upper += char.IsUpper(c) ? 1 : 0;
        }

        if (upper == 0)
        {
            return 0;
        }

        if (upper == word.Length)
        {
            return word.Length == 1 ? 1 : 2;
        }

        return upper == 1 && char.IsUpper(word[0]) ? 1 : 3;
    }
}
