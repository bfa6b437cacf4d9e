using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aligner.Detection;

/// <summary>The raw evidence of one span: sums of quantised log-probabilities and word counts.</summary>
internal struct SpanScore : IFeatureVisitor
{
    private readonly byte[] ngrams;
    private readonly byte[] words;
    private readonly int englishUnseen;
    private readonly int vietnameseUnseen;
    private readonly int clip;

    // The current word's n-gram sums (English, Vietnamese) and feature count.
    private int wordEnglish;
    private int wordVietnamese;
    private int wordFeatures;
    private int previousWord = -1;

    public SpanScore(LanguageModel model)
    {
        ngrams = model.Ngrams;
        words = model.Words;
        englishUnseen = model.EnglishUnseenWord;
        vietnameseUnseen = model.VietnameseUnseenWord;
        var wordClip = model.Calibration.WordClip * LanguageModel.Scale;
        clip = wordClip >= int.MaxValue ? int.MaxValue : (int)Math.Round(wordClip);
    }

    /// <summary>Lower-case words never seen in English training text (in halves: 2 for a short word, 1 for a long one) and in Vietnamese.</summary>
    public int LowerUnseenEnglish;
    public int LowerUnseenVietnamese;

    /// <summary>Words written in lower case (whose being unseen counts in <see cref="Fit"/>).</summary>
    public int LowerKnownable;

    /// <summary>Sums over words that are not capitalised (or open a sentence).</summary>
    public long LowerDifference;
    public long LowerEnglish;
    public long LowerVietnamese;
    public int LowerFeatures;
    public int LowerWords;
    public int LowerVietnameseOnly;
    public int LowerVietnameseShared;

    /// <summary>The part of the lower sums that comes from capitalised words opening a sentence (a word, or a name); words in capitals count as lower-case.</summary>
    public long OpenerDifference;
    public int OpenerVietnameseOnly;
    public int OpenerVietnameseShared;

    /// <summary>Sums over capitalised words that do not open a sentence (likely names).</summary>
    public long CapitalDifference;
    public long CapitalEnglish;
    public long CapitalVietnamese;
    public int CapitalFeatures;
    public int CapitalWords;
    public int CapitalVietnameseOnly;
    public int CapitalVietnameseShared;

    public int ForeignDiacriticWords;
    public int Letters;
    public int ForeignLetters;

    public readonly int Words => LowerWords + CapitalWords;

    public readonly int DiacriticWords => LowerVietnameseOnly + LowerVietnameseShared + CapitalVietnameseOnly + CapitalVietnameseShared;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Ngram(int bucket)
    {
        ref var pair = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ngrams), bucket << 1);
        wordEnglish += pair;
        wordVietnamese += Unsafe.Add(ref pair, 1);
        wordFeatures++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Word(int bucket, in WordShape shape)
    {
        // A word repeated right after itself ("No, no, no, no") is one piece of evidence, not one per repetition:
        // naive Bayes would count a repeated word as independent evidence and let it outweigh everything else.
        if (bucket == previousWord)
        {
            wordEnglish = 0;
            wordVietnamese = 0;
            wordFeatures = 0;
            Letters += shape.Letters;
            return;
        }

        previousWord = bucket;
        ref var pair = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(words), bucket << 1);
        int englishWord = pair;
        int vietnameseWord = Unsafe.Add(ref pair, 1);
        var english = wordEnglish + englishWord;
        var vietnamese = wordVietnamese + vietnameseWord;
        var features = wordFeatures + 1;

        // A likely name's evidence (English cost − Vietnamese cost) is clipped: names travel between languages.
        var difference = shape.Capitalised ? Math.Clamp(english - vietnamese, -clip, clip) : english - vietnamese;
        wordEnglish = 0;
        wordVietnamese = 0;
        wordFeatures = 0;
        Letters += shape.Letters;
        var only = (shape.Flags & CharTable.VietnameseOnly) != 0 ? 1 : 0;
        var shared = only == 0 && (shape.Flags & CharTable.VietnameseShared) != 0 ? 1 : 0;
        if ((shape.Flags & CharTable.ForeignDiacritic) != 0)
        {
            ForeignDiacriticWords++;
        }

        if (shape.Capitalised)
        {
            CapitalDifference += difference;
            CapitalEnglish += english;
            CapitalVietnamese += vietnamese;
            CapitalFeatures += features;
            CapitalWords++;
            CapitalVietnameseOnly += only;
            CapitalVietnameseShared += shared;
        }
        else
        {
            LowerDifference += difference;
            LowerEnglish += english;
            LowerVietnamese += vietnamese;
            LowerFeatures += features;
            LowerWords++;
            if (!shape.UpperFirst)
            {
                // Only words written in lower case tell whether a language knows them: a capitalised first word may be a name.
                // English vocabulary is open: a long unseen word is often just rare; an unseen short word is foreign.
                LowerKnownable++;
                LowerUnseenEnglish += englishWord >= englishUnseen ? (shape.Letters <= 4 ? 2 : 1) : 0;
                LowerUnseenVietnamese += vietnameseWord >= vietnameseUnseen ? 1 : 0;
            }
            LowerVietnameseOnly += only;
            LowerVietnameseShared += shared;
            if (shape.UpperFirst && !shape.Capitals)
            {
                OpenerDifference += difference;
                OpenerVietnameseOnly += only;
                OpenerVietnameseShared += shared;
            }
        }
    }

    public void ForeignLetter() => ForeignLetters++;

    /// <summary>Scans <paramref name="text"/> with <paramref name="model"/>.</summary>
    public static SpanScore Of(LanguageModel model, ReadOnlySpan<char> text)
    {
        var score = new SpanScore(model);
        FeatureScanner.Scan(text, model.Order, model.NgramBits, model.WordBits, ref score);
        return score;
    }

    /// <summary>The weight of capitalised words: reduced when there are lower-case words to go by.</summary>
    public readonly double CapitalWeight(LanguageModelCalibration calibration) => LowerWords >= 2 ? calibration.CapitalWeight : 1.0;

    /// <summary>The number of evidence features (see <see cref="Evidence"/>).</summary>
    public const int EvidenceCount = 9;

    /// <summary>
    /// The evidence for Vietnamese over English, in the order the calibration weighs it: the log-likelihood ratio (nats)
    /// of the words written in lower case, of the capitalised words that open a sentence and of the capitalised words
    /// inside one (each clipped); then the number of words with a Vietnamese-only letter or mark and with a shared one,
    /// in the same three kinds. Capitalised words inside a sentence count <see cref="CapitalWeight"/>.
    /// </summary>
    public readonly void Evidence(LanguageModelCalibration calibration, Span<double> x)
    {
        var w = CapitalWeight(calibration);
        x[0] = (LowerDifference - OpenerDifference) / (double)LanguageModel.Scale;
        x[1] = OpenerDifference / (double)LanguageModel.Scale;
        x[2] = w * CapitalDifference / LanguageModel.Scale;
        x[3] = LowerVietnameseOnly - OpenerVietnameseOnly;
        x[4] = LowerVietnameseShared - OpenerVietnameseShared;
        x[5] = OpenerVietnameseOnly;
        x[6] = OpenerVietnameseShared;
        x[7] = w * CapitalVietnameseOnly;
        x[8] = w * CapitalVietnameseShared;
    }

    /// <summary>Log-odds of Vietnamese against English (calibrated): the weighted <see cref="Evidence"/> plus the intercept.</summary>
    public readonly double LogOdds(LanguageModelCalibration calibration)
    {
        Span<double> x = stackalloc double[EvidenceCount];
        Evidence(calibration, x);
        return calibration.LogOdds(x);
    }

    /// <summary>Mean quantised −ln p per feature under one language (all words, unweighted).</summary>
    public readonly double MeanCost(bool vietnamese)
    {
        var features = LowerFeatures + CapitalFeatures;
        if (features == 0)
        {
            return 0;
        }

        return (vietnamese ? LowerVietnamese + CapitalVietnamese : LowerEnglish + CapitalEnglish) / (double)features;
    }

    /// <summary>Fit: how well one language explains the lower-case words (negative: worse than its training text).</summary>
    public readonly double Fit(bool vietnamese, LanguageModelCalibration calibration)
    {
        // English unseen words are counted in halves: a short one counts whole, a long one half.
        var unseen = vietnamese ? LowerUnseenVietnamese : LowerUnseenEnglish / 2.0;
        var weight = vietnamese ? calibration.VietnameseUnseenWeight : calibration.EnglishUnseenWeight;
        var fit = (LowerKnownable - unseen) - (weight * unseen) - (ForeignDiacriticWords * calibration.ForeignDiacriticPenalty);
        if (!vietnamese)
        {
            fit -= (LowerVietnameseOnly + LowerVietnameseShared) * calibration.EnglishDiacriticPenalty;
        }

        return fit;
    }
}
