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
public static class ScorerTrainer
{
    /// <summary>Fits a model to parallel sentences: <c>english[i]</c> translates <c>vietnamese[i]</c>.</summary>
    /// <param name="english">English sentences.</param>
    /// <param name="vietnamese">Their Vietnamese translations, in the same order.</param>
    /// <param name="trainedOn">A note of the corpus, stored in the model.</param>
    /// <exception cref="ArgumentException">The lists differ in length or hold fewer than 20 pairs.</exception>
    public static ScorerModel Train(IReadOnlyList<string> english, IReadOnlyList<string> vietnamese, string trainedOn = "")
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        if (english.Count != vietnamese.Count)
        {
            throw new ArgumentException($"The corpora differ in length ({english.Count} English, {vietnamese.Count} Vietnamese lines).", nameof(vietnamese));
        }

        var en = new List<SentenceFeatures>();
        var vi = new List<SentenceFeatures>();
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
        return new ScorerModel
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
