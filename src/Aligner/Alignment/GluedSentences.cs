using Aligner.Preparation;
using Aligner.Scoring;
using Aligner.Segmentation;
using Aligner.Text;

namespace Aligner.Alignment;

/// <summary>
/// Splits a sentence that is really two glued without punctuation (a headline run into its paragraph:
/// <c>… secured victory Promoted Livingston stunned Rangers …</c>): in a 1-2 or 2-1 bead when each half, cut before a
/// capitalised word, pairs with one sentence of the other side; in a 1-1 bead when one half alone pairs so much better
/// than the whole that the other half, a stranger, is left unpaired.
/// </summary>
/// <remarks>
/// The sentence splitter cannot see such a boundary (a capital after a lower-case word is most often a name); the
/// other language can. The halves keep their offsets into the original text, so every character is still in exactly
/// one sentence and every sentence in exactly one bead.
/// </remarks>
internal static class GluedSentences
{
    // Each half must hold this many words.
    private const int MinimumWords = 3;

    // The most cut points tried in one sentence (the candidates are capitalised words, few in a sentence).
    private const int MaximumCuts = 24;

    /// <summary>The sentences of both sides and the beads, with glued sentences split where it pays (see the class summary).</summary>
    public static (List<Sentence> English, List<SentenceFeatures> EnglishFeatures, List<Sentence> Vietnamese, List<SentenceFeatures> VietnameseFeatures, List<Bead> Beads)
        Split(PreparedText english, PreparedText vietnamese, IReadOnlyList<Bead> beads, PairScorer scorer, AlignmentOptions options, CancellationToken cancellationToken)
    {
        // First decide every split (by the old indices), then renumber.
        // Each bead is decided on its own, so a long text's beads are decided on all cores.
        var cuts = new Cut?[beads.Count];
        ParallelBlocks.For(beads.Count, b => cuts[b] = Decide(beads[b]), cancellationToken);

        Cut? Decide(Bead bead) => bead.Kind switch
        {
            BeadKind.OneToTwo => BestCut(english, bead.EnglishStart, vietnamese.Features[bead.VietnameseStart], vietnamese.Features[bead.VietnameseStart + 1], scorer, options, englishSingle: true),
            BeadKind.TwoToOne => BestCut(vietnamese, bead.VietnameseStart, english.Features[bead.EnglishStart], english.Features[bead.EnglishStart + 1], scorer, options, englishSingle: false),
            BeadKind.OneToOne => BestOneToOneTrim(bead),
            _ => null,
        };

        // In a 1-1 bead either sentence may carry the glued stranger; the better trim wins.
        Cut? BestOneToOneTrim(Bead bead)
        {
            var onEnglish = BestTrim(english, bead.EnglishStart, vietnamese.Features[bead.VietnameseStart], scorer, options, englishSingle: true);
            var onVietnamese = BestTrim(vietnamese, bead.VietnameseStart, english.Features[bead.EnglishStart], scorer, options, englishSingle: false);
            if (onVietnamese is not null && (onEnglish is null || onVietnamese.KeptScore > onEnglish.KeptScore))
            {
                return onVietnamese with { OnVietnamese = true };
            }

            return onEnglish;
        }

        var englishSplit = new Dictionary<int, Cut>();
        var vietnameseSplit = new Dictionary<int, Cut>();
        for (var b = 0; b < beads.Count; b++)
        {
            if (cuts[b] is not { } cut)
            {
                continue;
            }

            var bead = beads[b];
            var onEnglish = bead.Kind == BeadKind.OneToTwo || (bead.Kind == BeadKind.OneToOne && !cut.OnVietnamese);
            (onEnglish ? englishSplit : vietnameseSplit)[onEnglish ? bead.EnglishStart : bead.VietnameseStart] = cut;
        }

        var (enSentences, enFeatures, enIndex) = Rebuild(english, englishSplit);
        var (viSentences, viFeatures, viIndex) = Rebuild(vietnamese, vietnameseSplit);
        var result = new List<Bead>(beads.Count + englishSplit.Count + vietnameseSplit.Count);
        for (var b = 0; b < beads.Count; b++)
        {
            var bead = beads[b];
            var i = enIndex[bead.EnglishStart];
            var j = viIndex[bead.VietnameseStart];
            if (cuts[b] is not { } cut)
            {
                result.Add(bead with { EnglishStart = i, VietnameseStart = j });
            }
            else if (cut.Kept == Kept.Both)
            {
                result.Add(new Bead(BeadKind.OneToOne, i, j, PairScorer.Probability(cut.FirstScore)));
                result.Add(new Bead(BeadKind.OneToOne, i + 1, j + 1, PairScorer.Probability(cut.SecondScore)));
            }
            else
            {
                // One half pairs; the other, a stranger, stands alone on its side, before or after the pair.
                var pair = PairScorer.Probability(cut.KeptScore);
                var alone = 1 - PairScorer.Probability(cut.Kept == Kept.Head ? cut.SecondScore : cut.FirstScore);
                var lonely = cut.OnVietnamese ? BeadKind.ZeroToOne : BeadKind.OneToZero;
                if (cut.Kept == Kept.Head)
                {
                    result.Add(new Bead(BeadKind.OneToOne, i, j, pair));
                    result.Add(new Bead(lonely, i + 1, j + 1, alone));
                }
                else
                {
                    // The pair comes after the stranger: one step further on the side that was cut.
                    result.Add(new Bead(lonely, i, j, alone));
                    result.Add(cut.OnVietnamese ? new Bead(BeadKind.OneToOne, i, j + 1, pair) : new Bead(BeadKind.OneToOne, i + 1, j, pair));
                }
            }
        }

        return (enSentences, enFeatures, viSentences, viFeatures, result);
    }

    // The best cut of sentence k (paired as a whole with first + second of the other side), or null when none pays.
    private static Cut? BestCut(PreparedText side, int k, SentenceFeatures first, SentenceFeatures second, PairScorer scorer, AlignmentOptions options, bool englishSingle)
    {
        var twoOneToOnes = 2 * Math.Log(options.OneToOne);
        var oneTwo = Math.Log(options.OneToTwo);
        var whole = Score(side.Features[k], SentenceFeatures.Combine(first, second));
        Cut? best = null;
        foreach (var (headEnd, tailStart) in Candidates(side, k, englishSingle))
        {
            var head = side.PartFeatures(k, 0, headEnd);
            var tail = side.PartFeatures(k, tailStart, side.PartText(k).Length);
            var firstScore = Score(head, first);
            var secondScore = Score(tail, second);

            // The aligner's own odds: two 1-1 beads against the one 2-1 bead it chose, each half a pair in its own right.
            if (firstScore > 0 && secondScore > 0 && firstScore + secondScore + twoOneToOnes >= whole + oneTwo
                && (best is null || firstScore + secondScore > best.FirstScore + best.SecondScore))
            {
                best = new Cut(headEnd, tailStart, head, tail, firstScore, secondScore, Kept.Both);
            }
        }

        return best;

        double Score(SentenceFeatures single, SentenceFeatures other) =>
            englishSingle ? scorer.Score(single, other) : scorer.Score(other, single);
    }

    // The best cut of sentence k of a 1-1 bead when only one half translates the other sentence (an unrelated sentence
    // glued to it): the half alone must beat the whole by the cost of leaving the other half unpaired.
    private static Cut? BestTrim(PreparedText side, int k, SentenceFeatures other, PairScorer scorer, AlignmentOptions options, bool englishSingle)
    {
        var unpaired = -Math.Log(options.Unmatched);
        var whole = Score(side.Features[k]);
        Cut? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var (headEnd, tailStart) in Candidates(side, k, englishSingle))
        {
            var head = side.PartFeatures(k, 0, headEnd);
            var tail = side.PartFeatures(k, tailStart, side.PartText(k).Length);
            var headScore = Score(head);
            var tailScore = Score(tail);
            var kept = Math.Max(headScore, tailScore);
            if (kept > 0 && kept >= whole + unpaired && kept > bestScore)
            {
                bestScore = kept;
                best = new Cut(headEnd, tailStart, head, tail, headScore, tailScore, headScore >= tailScore ? Kept.Head : Kept.Tail);
            }
        }

        return best;

        double Score(SentenceFeatures single) => englishSingle ? scorer.Score(single, other) : scorer.Score(other, single);
    }

    // The cuts a reader would accept as a sentence boundary in sentence k: before a capitalised ordinary word, each
    // side holding a few words (see the class remarks and PreparedText.MayOpenSentence).
    private static List<(int HeadEnd, int TailStart)> Candidates(PreparedText side, int k, bool english)
    {
        var cuts = new List<(int, int)>();
        var text = side.PartText(k);
        var wordsBefore = 0;
        var totalWords = CountWords(text);
        for (var p = 1; p < text.Length && cuts.Count < MaximumCuts; p++)
        {
            if (!char.IsWhiteSpace(text[p - 1]) || char.IsWhiteSpace(text[p]))
            {
                continue;
            }

            wordsBefore++;
            if (wordsBefore < MinimumWords || totalWords - wordsBefore < MinimumWords || !StartsCapitalised(text[p..]) || EndsSentenceInside(text[..p]))
            {
                continue;
            }

            // Vietnamese titles capitalise every word (Đối tác Chiến lược toàn diện): a capital among the next words too
            // marks one, not a new sentence.
            var (word, next, third) = WordAndNext(text[p..]);
            if (!side.MayOpenSentence(word, next) || FollowsCapital(text[..p], english ? 1 : 2)
                || (!english && third.Length > 0 && char.IsUpper(third[0])))
            {
                continue;
            }

            var end = p;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            cuts.Add((end, p));
        }

        return cuts;
    }

    // Whether one of the last words before a cut starts with a capital: the capital after it continues a name or a
    // title (Comprehensive Strategic Partnership; Đối tác Chiến lược, where each word of two syllables counts).
    private static bool FollowsCapital(ReadOnlySpan<char> before, int words)
    {
        var text = before.TrimEnd();
        for (var w = 0; w < words && !text.IsEmpty; w++)
        {
            var start = text.LastIndexOfAny(' ', '\t', '\u00A0') + 1;
            var token = text[start..];
            foreach (var c in token)
            {
                if (char.IsLetter(c))
                {
                    if (char.IsUpper(c))
                    {
                        return true;
                    }

                    break;
                }
            }

            text = text[..start].TrimEnd();
        }

        return false;
    }

    // The word at the start of rest and the two after it, letters only (quotes, possessive 's and punctuation left out).
    private static (string Word, string Next, string Third) WordAndNext(ReadOnlySpan<char> rest)
    {
        var word = Letters(rest, out var after).ToString();
        rest = rest[after..];
        var next = Letters(rest, out after).ToString();
        var third = Letters(rest[after..], out _).ToString();
        return (word, next, third);

        static ReadOnlySpan<char> Letters(ReadOnlySpan<char> text, out int after)
        {
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (start < text.Length && !char.IsLetterOrDigit(text[start]) && !char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var end = start;
            while (end < text.Length && (char.IsLetter(text[end]) || char.GetUnicodeCategory(text[end]) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                end++;
            }

            after = end;
            while (after < text.Length && !char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            return text[start..end];
        }
    }

    // A capital (after opening quotes or brackets) starts the word: where a new sentence would begin.
    private static bool StartsCapitalised(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
        {
            if (c is '"' or '“' or '‘' or '\'' or '(' or '«' or '[')
            {
                continue;
            }

            return char.IsUpper(c);
        }

        return false;
    }

    // A sentence does not end on a comma, a hyphen, a slash or an opening mark, nor on a word that needs what
    // follows (of the, on Wednesday, của các): the capital after them continues the sentence.
    private static bool EndsSentenceInside(ReadOnlySpan<char> before)
    {
        var trimmed = before.TrimEnd();
        if (trimmed.IsEmpty || trimmed[^1] is ',' or ';' or ':' or '-' or '–' or '—' or '/' or '&' or '(' or '“' or '"')
        {
            return true;
        }

        var start = trimmed.LastIndexOfAny(' ', '\t', '\u00A0') + 1;
        return Linking.Contains(trimmed[start..].ToString().ToLowerInvariant());
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> Linking = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "as", "that",
         "than", "into", "onto", "about", "over", "under", "after", "before", "during", "since", "until", "between",
         "against", "via", "per", "said", "says", "told", "like", "named", "called", "mr", "mrs", "ms", "dr", "st",
         "của", "và", "ở", "tại", "với", "cho", "là", "các", "những", "một", "nói", "theo", "từ", "đến", "trong", "ông", "bà", "anh", "chị"],
        StringComparer.Ordinal);

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var p = 0; p < text.Length; p++)
        {
            if (!char.IsWhiteSpace(text[p]) && (p == 0 || char.IsWhiteSpace(text[p - 1])))
            {
                count++;
            }
        }

        return count;
    }

    // The sentences of one side with the split ones replaced by their halves, and the new index of each old sentence
    // (and of the position after the last, where a bead of the other side alone may point).
    private static (List<Sentence> Sentences, List<SentenceFeatures> Features, int[] Index) Rebuild(PreparedText side, Dictionary<int, Cut> splits)
    {
        var sentences = new List<Sentence>(side.Sentences.Count + splits.Count);
        var features = new List<SentenceFeatures>(side.Sentences.Count + splits.Count);
        var index = new int[side.Sentences.Count + 1];
        for (var k = 0; k < side.Sentences.Count; k++)
        {
            index[k] = sentences.Count;
            var sentence = side.Sentences[k];
            if (splits.TryGetValue(k, out var cut))
            {
                sentences.Add(sentence with { Range = side.PartRange(k, 0, cut.HeadEnd) });
                sentences.Add(sentence with { Range = side.PartRange(k, cut.TailStart, side.PartText(k).Length) });
                features.Add(cut.Head);
                features.Add(cut.Tail);
            }
            else
            {
                sentences.Add(sentence);
                features.Add(side.Features[k]);
            }
        }

        index[side.Sentences.Count] = sentences.Count;
        return (sentences, features, index);
    }

    // A cut: the head ends at HeadEnd, the tail starts at TailStart (offsets into the sentence's text); their features
    // and scores against their partners, which half keeps a partner, and whether the cut sentence is the Vietnamese one
    // of a 1-1 bead.
    private sealed record Cut(int HeadEnd, int TailStart, SentenceFeatures Head, SentenceFeatures Tail, double FirstScore, double SecondScore, Kept Kept, bool OnVietnamese = false)
    {
        public double KeptScore => Kept == Kept.Tail ? SecondScore : FirstScore;
    }

    private enum Kept
    {
        Both,
        Head,
        Tail,
    }
}
