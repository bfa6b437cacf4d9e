using Aligner.Normalization;
using Aligner.Scoring;
using MathNet.Numerics.Statistics;

namespace Aligner.Training;

/// <summary>
/// Estimates a <see cref="ScorerModel"/> from line-parallel English–Vietnamese text: the Gale–Church length
/// ratio and variance from the translation pairs, the unrelated-pair length distribution from shuffled pairs,
/// and how often anchors (numbers, names) are shared by translations and by nearby unrelated sentences.
/// </summary>
/// <remarks>Thread-safe. Use it on your own parallel data to fit the scorer to another domain.</remarks>
internal static class ScorerTrainer
{
    /// <summary>Fits a model to parallel sentences: <c>english[i]</c> translates <c>vietnamese[i]</c>.</summary>
    /// <param name="english">English sentences.</param>
    /// <param name="vietnamese">Their Vietnamese translations, in the same order.</param>
    /// <param name="trainedOn">A note of the corpus, stored in the model.</param>
    /// <exception cref="ArgumentException">The lists differ in length or hold fewer than 20 pairs.</exception>
    /// <param name="lexicon">
    /// When given, a logistic regression is fitted that combines length, anchors and the lexicon's coverage of
    /// both sides (<see cref="ScorerModel.Weights"/>); translation pairs are the positives and neighbours one to three
    /// lines away and lines a fixed stride away the negatives.
    /// </param>
    /// <param name="comparableCalibration">
    /// The factor stored as <see cref="ScorerModel.ComparableCalibration"/> (with a lexicon). It is not fitted here:
    /// the retellings made from translations are easier to tell apart than real comparable news, which is evaluation
    /// data only; it is chosen on comparable pages (<c>benchmarks/eval/comparable.sh</c>) for the weights it scales.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparableCalibration"/> is not a positive number.</exception>
    public static ScorerModel Train(IReadOnlyList<string> english, IReadOnlyList<string> vietnamese, string trainedOn = "", Lexicon? lexicon = null, double comparableCalibration = ScorerModel.DefaultComparableCalibration)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        if (english.Count != vietnamese.Count)
        {
            throw new ArgumentException($"The corpora differ in length ({english.Count} English, {vietnamese.Count} Vietnamese lines).", nameof(vietnamese));
        }

        if (!(comparableCalibration > 0) || !double.IsFinite(comparableCalibration))
        {
            throw new ArgumentOutOfRangeException(nameof(comparableCalibration), comparableCalibration, "The calibration factor must be a positive number.");
        }

        var en = new List<SentenceFeatures>();
        var vi = new List<SentenceFeatures>();
        var enLexical = new List<LexicalFeatures>();
        var viLexical = new List<LexicalFeatures>();
        var enText = new List<string>();
        var viText = new List<string>();
        for (var i = 0; i < english.Count; i++)
        {
            var e = NormalizedText.Create(english[i]).Text.Trim();
            var v = NormalizedText.Create(vietnamese[i]).Text.Trim();
            if (e.Length == 0 || v.Length == 0)
            {
                continue;
            }

            en.Add(FeatureExtractor.Extract(e));
            vi.Add(FeatureExtractor.Extract(v));
            enText.Add(e);
            viText.Add(v);
            if (lexicon is not null)
            {
                enLexical.Add(LexicalFeatures.English(e, lexicon));
                viLexical.Add(LexicalFeatures.Vietnamese(v, lexicon));
            }
        }

        var n = en.Count;
        if (n < 20)
        {
            throw new ArgumentException($"At least 20 non-empty sentence pairs are needed, not {n}.", nameof(english));
        }

        double sumEn = 0, sumVi = 0;
        for (var i = 0; i < n; i++)
        {
            sumEn += en[i].Length;
            sumVi += vi[i].Length;
        }

        var ratio = sumVi / sumEn;

        // Robust variance: the median of a squared standard normal is 0.4549, so outliers do not inflate it.
        var squared = new double[n];
        for (var i = 0; i < n; i++)
        {
            var d = vi[i].Length - (ratio * en[i].Length);
            squared[i] = d * d / Math.Max(en[i].Length, 1);
        }

        var variance = Statistics.Median(squared) / 0.4549;
        var outliers = 0;
        for (var i = 0; i < n; i++)
        {
            outliers += squared[i] > 9 * variance ? 1 : 0; // beyond three standard deviations
        }

        // Unrelated pairs: every sentence against sentences a fixed stride away (a deterministic shuffle).
        var logRatios = new List<double>();
        var stride = Math.Max(7, n / 3);
        for (var i = 0; i < n; i++)
        {
            var j = (i + stride) % n;
            logRatios.Add(Math.Log(Math.Max(vi[j].Length, 1) / (ratio * Math.Max(en[i].Length, 1))));
        }

        var found = CountAnchors(en, vi, 0);
        var chance = CountAnchors(en, vi, 1, 2, 3);
        var model = new ScorerModel
        {
            LengthRatio = Math.Round(ratio, 5),
            LengthVariance = Math.Round(variance, 5),
            RandomLogRatioMean = Math.Round(logRatios.Mean(), 5),
            RandomLogRatioDeviation = Math.Round(logRatios.StandardDeviation(), 5),
            LengthOutlierRate = Math.Round(Math.Clamp((outliers + 1.0) / (n + 2.0), 0.005, 0.5), 5),
            EnglishNumberFound = found.NumberEn,
            EnglishNumberFoundByChance = chance.NumberEn,
            VietnameseNumberFound = found.NumberVi,
            VietnameseNumberFoundByChance = chance.NumberVi,
            EnglishNameFound = found.NameEn,
            EnglishNameFoundByChance = chance.NameEn,
            VietnameseNameFound = found.NameVi,
            VietnameseNameFoundByChance = chance.NameVi,
            EnglishMarkFound = found.MarkEn,
            EnglishMarkFoundByChance = chance.MarkEn,
            VietnameseMarkFound = found.MarkVi,
            VietnameseMarkFoundByChance = chance.MarkVi,
            TrainedOn = $"{trainedOn} ({n} sentence pairs)".Trim(),
        };
        return lexicon is null ? model : FitComparable(FitCombination(model, en, vi, enLexical, viLexical), enText, viText, lexicon) with { ComparableCalibration = comparableCalibration };
    }

    // Comparable text: two outlets retell one statement, each dropping and adding details. From each translation pair
    // come retellings: one side cut to a part of its words (a clause kept, the rest left out), or with every third
    // word left out (other wording); the same cuts of neighbours one to three lines away (same article, same topic)
    // are the negatives. The regression over PairScorer.ComparableFeatures is shifted to even odds.
    private static ScorerModel FitComparable(ScorerModel model, List<string> english, List<string> vietnamese, Lexicon lexicon)
    {
        var scorer = new PairScorer(model);
        var n = english.Count;
        var variants = new (SentenceFeatures English, SentenceFeatures Vietnamese)[n][];
        for (var i = 0; i < n; i++)
        {
            variants[i] = Retellings(english[i], vietnamese[i], i, lexicon);
        }

        // Keys told once in each document (DocumentKeys): the lines are cut into documents of a few lines each, a
        // variant's documents made of that variant's forms.
        for (var start = 0; start < n; start += RetellingDocumentLines)
        {
            var end = Math.Min(n, start + RetellingDocumentLines);
            for (var k = 0; k < variants[start].Length; k++)
            {
                var (en, vi) = DocumentKeys.WithUniqueKeys(
                    [.. variants[start..end].Select(v => v[k].English)],
                    [.. variants[start..end].Select(v => v[k].Vietnamese)]);
                for (var i = start; i < end; i++)
                {
                    variants[i][k] = (en[i - start], vi[i - start]);
                }
            }
        }

        var rows = new List<double[]>();
        var labels = new List<bool>();
        int[] offsets = [0, 1, -1, 2, -2, 3, -3];
        foreach (var offset in offsets)
        {
            for (var i = 0; i < n; i++)
            {
                var j = i + offset;
                if (j < 0 || j >= n)
                {
                    continue;
                }

                // Variant k pairs the k-th English form with the k-th Vietnamese form.
                for (var k = 0; k < variants[i].Length; k++)
                {
                    var x = new double[PairScorer.ComparableFeatureNames.Count + 1];
                    x[0] = 1;
                    scorer.ComparableFeatures(variants[i][k].English, variants[j][k].Vietnamese, x.AsSpan(1));
                    rows.Add(x);
                    labels.Add(offset == 0);
                }
            }
        }

        var (weights, bias) = FitAtEvenOdds(rows, labels);
        return model with { ComparableWeights = [.. weights], ComparableBias = bias };
    }

    // Lines per document when the retellings' keys told once are counted: about the length of the news excerpts
    // aligned (a FLORES-200 article has 3–5 lines, so a document holds two or three articles).
    private const int RetellingDocumentLines = 10;

    // The forms of one pair that the comparable regression sees: whole; English cut; Vietnamese cut; Vietnamese with
    // words left out; English with words left out and Vietnamese cut. Cuts keep a prefix or a suffix of 45–80 % of
    // the words, chosen by the line number (deterministic).
    private static (SentenceFeatures English, SentenceFeatures Vietnamese)[] Retellings(string english, string vietnamese, int line, Lexicon lexicon)
    {
        (SentenceFeatures, SentenceFeatures) Pair(string e, string v) => (
            new SentenceFeatures(FeatureExtractor.Extract(e)) { Lexical = LexicalFeatures.English(e, lexicon) },
            new SentenceFeatures(FeatureExtractor.Extract(v)) { Lexical = LexicalFeatures.Vietnamese(v, lexicon) });
        return
        [
            Pair(english, vietnamese),
            Pair(Cut(english, line), vietnamese),
            Pair(english, Cut(vietnamese, line + 1)),
            Pair(english, Thin(vietnamese, line)),
            Pair(Thin(english, line + 1), Cut(vietnamese, line + 2)),
        ];

        static string Cut(string text, int seed)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 4)
            {
                return text;
            }

            var keep = Math.Max(2, (int)Math.Round(words.Length * (0.45 + (0.05 * (seed % 8)))));
            return string.Join(' ', seed % 2 == 0 ? words[..keep] : words[^keep..]);
        }

        static string Thin(string text, int seed)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', words.Where((_, k) => (k + seed) % 3 != 0));
        }
    }

    // Logistic regression by iteratively reweighted least squares, with a light ridge penalty.
    private static ScorerModel FitCombination(ScorerModel model, List<SentenceFeatures> en, List<SentenceFeatures> vi, List<LexicalFeatures> enLexical, List<LexicalFeatures> viLexical)
    {
        var n = en.Count;
        var (coveredEn, chanceEn) = WordRates(enLexical, viLexical);
        var (coveredVi, chanceVi) = WordRates(viLexical, enLexical);
        model = model with
        {
            EnglishWordCovered = coveredEn,
            EnglishWordCoveredByChance = chanceEn,
            VietnameseWordCovered = coveredVi,
            VietnameseWordCoveredByChance = chanceVi,
            Weights = [.. new double[PairScorer.FeatureNames.Count]],
        };
        if (enLexical.Count != 0 && enLexical.All(f => f.Chance is not null || f.Positions == 0) && viLexical.All(f => f.Chance is not null || f.Positions == 0)
            && enLexical.Any(f => f.Known > 0) && viLexical.Any(f => f.Known > 0))
        {
            var perWordEn = PerWordRates(enLexical, viLexical, chanceEn);
            var perWordVi = PerWordRates(viLexical, enLexical, chanceVi);
            model = model with
            {
                EnglishWordCovered = perWordEn.Translated,
                EnglishWordChanceScale = perWordEn.Scale,
                EnglishWordChanceBackground = perWordEn.Background,
                VietnameseWordCovered = perWordVi.Translated,
                VietnameseWordChanceScale = perWordVi.Scale,
                VietnameseWordChanceBackground = perWordVi.Background,
            };
        }

        var scorer = new PairScorer(model);
        var rows = new List<double[]>();
        var labels = new List<bool>();
        int[] offsets = [0, 1, -1, 2, -2, 3, -3, n / 3, n / 2];
        foreach (var offset in offsets)
        {
            for (var i = 0; i < n; i++)
            {
                var j = offset is > 3 ? (i + offset) % n : i + offset;
                if (j < 0 || j >= n)
                {
                    continue;
                }

                var x = new double[PairScorer.FeatureNames.Count + 1];
                x[0] = 1;
                scorer.Features(scorer.LengthScore(en[i].Length, vi[j].Length), scorer.AnchorScore(en[i], vi[j]), enLexical[i], viLexical[j], x.AsSpan(1));
                rows.Add(x);
                labels.Add(offset == 0);
            }
        }

        var (weights, bias) = FitAtEvenOdds(rows, labels);
        return model with { Weights = [.. weights], Bias = bias };
    }

    // A logistic regression (rows start with the constant 1) whose intercept is shifted by the log ratio of positives
    // to negatives, so that its score is a log-likelihood ratio at even odds.
    private static (double[] Weights, double Bias) FitAtEvenOdds(List<double[]> rows, List<bool> labels)
    {
        var w = LogisticRegression.Fit(rows, labels, null, ridge: 1e-2);
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        return ([.. w.Skip(1).Select(v => Math.Round(v, 5))], Math.Round(w[0] - Math.Log((double)positives / negatives), 5));
    }

    // Fits the word coverage model of PairScorer: a source word is covered by chance with probability 1 − (1 − q)^m for
    // m target words (q from neighbours one to three lines away), and by its translation with 1 − (1 − a)(1 − q)^m.
    private static (double Translated, double Chance) WordRates(List<LexicalFeatures> source, List<LexicalFeatures> target)
    {
        var chance = Solve(q => Expected(source, target, [1, -1, 2, -2, 3, -3], m => Math.Pow(1 - q, m)));
        var translated = Solve(a => Expected(source, target, [0], m => (1 - a) * Math.Pow(1 - chance, m)));
        return (Math.Round(translated, 5), Math.Round(chance, 6));
    }

    // Per-word chance (lexicon rates λ_w): a position is covered by chance with 1 − exp(−m(λ₀ + s·λ_w)). For each
    // background λ₀ on a grid of fractions of the global rate, s matches the covered count of neighbours one to three
    // lines away; the pair with the highest Bernoulli likelihood wins. Then a as in WordRates.
    private static (double Translated, double Scale, double Background) PerWordRates(List<LexicalFeatures> source, List<LexicalFeatures> target, double globalChance)
    {
        var chance = Trials(source, target, [1, -1, 2, -2, 3, -3]);
        var global = -Math.Log(1 - globalChance);
        double bestLikelihood = double.NegativeInfinity, bestScale = 1, bestBackground = 0;
        foreach (var fraction in (double[])[0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7])
        {
            var background = fraction * global;
            var scale = SolveScale(s => chance.Sum(t => (t.Covered ? 1 : 0) - (1 - Math.Exp(-t.M * (background + (s * t.Lambda))))));
            var likelihood = 0.0;
            foreach (var t in chance)
            {
                var miss = Math.Exp(-t.M * (background + (scale * t.Lambda)));
                likelihood += t.Covered ? Math.Log(Math.Max(1 - miss, 1e-300)) : Math.Log(miss);
            }

            if (likelihood > bestLikelihood)
            {
                (bestLikelihood, bestScale, bestBackground) = (likelihood, scale, background);
            }
        }

        var own = Trials(source, target, [0]);
        var translated = Solve(a => own.Sum(t => (t.Covered ? 1 : 0) - (1 - ((1 - a) * Math.Exp(-t.M * (bestBackground + (bestScale * t.Lambda)))))));
        return (Math.Round(translated, 5), Math.Round(bestScale, 5), Math.Round(bestBackground, 7));
    }

    // Every known position of source[i] against target[i + offset]: its chance rate λ, the target's known count m, covered or not.
    private static List<(double Lambda, int M, bool Covered)> Trials(List<LexicalFeatures> source, List<LexicalFeatures> target, int[] offsets)
    {
        var trials = new List<(double, int, bool)>();
        var covered = new bool[source.Count == 0 ? 0 : source.Max(f => f.Positions)];
        foreach (var offset in offsets)
        {
            for (var i = Math.Max(0, -offset); i < source.Count && i + offset < target.Count; i++)
            {
                var s = source[i];
                if (s.Known == 0 || s.Chance is null)
                {
                    continue;
                }

                var m = Math.Max(target[i + offset].Known, 1);
                var flags = covered.AsSpan(0, s.Positions);
                LexicalFeatures.MarkCovered(s, target[i + offset], flags);
                for (var p = 0; p < s.Positions; p++)
                {
                    if (s.IsKnown(p))
                    {
                        trials.Add((s.Chance[p], m, flags[p]));
                    }
                }
            }
        }

        return trials;
    }

    // The root of a function of the scale that decreases from positive to negative, by bisection on log s in [1e-4, 1e4].
    private static double SolveScale(Func<double, double> f)
    {
        double low = Math.Log(1e-4), high = Math.Log(1e4);
        for (var k = 0; k < 60; k++)
        {
            var mid = (low + high) / 2;
            (low, high) = f(Math.Exp(mid)) > 0 ? (mid, high) : (low, mid);
        }

        return Math.Exp((low + high) / 2);
    }

    // Observed minus expected covered words, for the pairs (i, i + offset); missed(m) is the chance of a miss.
    private static double Expected(List<LexicalFeatures> source, List<LexicalFeatures> target, int[] offsets, Func<int, double> missed)
    {
        double difference = 0;
        foreach (var offset in offsets)
        {
            for (var i = Math.Max(0, -offset); i < source.Count && i + offset < target.Count; i++)
            {
                var m = Math.Max(target[i + offset].Known, 1);
                var miss = missed(m);
                difference += LexicalFeatures.Covered(source[i], target[i + offset]) - (source[i].Known * (1 - miss));
            }
        }

        return difference;
    }

    // The root in (0, 1) of a function that decreases from positive to negative, by bisection.
    private static double Solve(Func<double, double> f)
    {
        double low = 1e-6, high = 1 - 1e-6;
        for (var k = 0; k < 60; k++)
        {
            var mid = (low + high) / 2;
            (low, high) = f(mid) > 0 ? (mid, high) : (low, mid);
        }

        return (low + high) / 2;
    }

    // Rates at which anchors of one side are found on the other, for pairs (i, i + offset); Laplace-smoothed.
    private static AnchorRates CountAnchors(List<SentenceFeatures> en, List<SentenceFeatures> vi, params int[] offsets)
    {
        long numberFound = 0, numberEn = 0, numberVi = 0;
        long markFound = 0, markEn = 0, markVi = 0;
        long nameFoundEn = 0, nameFoundVi = 0, nameEn = 0, nameVi = 0;
        foreach (var offset in offsets)
        {
            for (var i = 0; i + offset < en.Count; i++)
            {
                var e = en[i];
                var v = vi[i + offset];
                numberFound += AnchorMatching.SharedNumbers(e, v);
                numberEn += e.Numbers.Length;
                numberVi += v.Numbers.Length;
                markFound += AnchorMatching.SharedMarks(e, v);
                markEn += e.Marks.Length;
                markVi += v.Marks.Length;
                var (foundEn, foundVi) = AnchorMatching.SharedNames(e, v);
                nameFoundEn += foundEn;
                nameFoundVi += foundVi;
                nameEn += e.NameGroups;
                nameVi += v.NameGroups;
            }
        }

        return new AnchorRates(
            Rate(numberFound, numberEn), Rate(numberFound, numberVi),
            Rate(nameFoundEn, nameEn), Rate(nameFoundVi, nameVi),
            Rate(markFound, markEn), Rate(markFound, markVi));
    }

    private static double Rate(long found, long total) => Math.Round((found + 0.5) / (total + 1.0), 5);

    private readonly record struct AnchorRates(double NumberEn, double NumberVi, double NameEn, double NameVi, double MarkEn, double MarkVi);
}
