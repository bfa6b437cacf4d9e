using Aligner.Detection;
using Aligner.Normalization;

namespace Aligner.Training;

/// <summary>
/// Estimates a <see cref="LanguageModel"/> from English and Vietnamese text: naive Bayes counts of hashed character
/// n-grams and words (folded to lower case without diacritics, so one model serves Vietnamese with and without
/// diacritics), the weight of words carrying Vietnamese diacritics, Platt scaling of the confidence and the fit
/// thresholds, all from held-out lines of the same text.
/// </summary>
/// <remarks>Stateless and thread-safe. Feed it lines (sentences or paragraphs); Vietnamese should carry its diacritics.</remarks>
/// <example>
/// <code>
/// var model = LanguageDetectorTrainer.Train(File.ReadLines("en.txt"), File.ReadLines("vi.txt"));
/// using var file = File.Create("detector.bin");
/// model.Save(file);
/// var detector = LanguageDetector.Create(model);
/// </code>
/// </example>
public static class LanguageDetectorTrainer
{
    /// <summary>The fewest lines with letters needed in each language.</summary>
    public const int MinimumLines = 20;

    /// <summary>Trains a model.</summary>
    /// <param name="english">English lines.</param>
    /// <param name="vietnamese">Vietnamese lines (with diacritics; the unaccented form is derived).</param>
    /// <param name="options">Sizes and settings; <see cref="LanguageDetectorTrainingOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked every few thousand lines.</param>
    /// <exception cref="ArgumentNullException">A corpus is null.</exception>
    /// <exception cref="ArgumentException">A corpus has fewer than <see cref="MinimumLines"/> lines with letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static LanguageModel Train(IEnumerable<string> english, IEnumerable<string> vietnamese, LanguageDetectorTrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(vietnamese);
        options ??= LanguageDetectorTrainingOptions.Default;
        options.Validate();

        var en = new Counts(options);
        var vi = new Counts(options);
        var heldEnglish = new List<string>();
        var heldVietnamese = new List<string>();
        en.Add(english, heldEnglish, options.HeldOutEvery, cancellationToken);
        vi.Add(vietnamese, heldVietnamese, options.HeldOutEvery, cancellationToken);
        if (en.Lines < MinimumLines || heldEnglish.Count == 0)
        {
            throw new ArgumentException($"The English text has {en.Lines} lines with letters; at least {MinimumLines} are needed.", nameof(english));
        }

        if (vi.Lines < MinimumLines || heldVietnamese.Count == 0)
        {
            throw new ArgumentException($"The Vietnamese text has {vi.Lines} lines with letters; at least {MinimumLines} are needed.", nameof(vietnamese));
        }

        var ngrams = Quantise(en.Ngrams, vi.Ngrams, options.Smoothing);
        var words = Quantise(en.Words, vi.Words, options.Smoothing);

        // A word with a Vietnamese-only (or shared) diacritic: its rate in accented Vietnamese, half of which we expect
        // to meet without diacritics, against its rate in English.
        var only = Math.Log(0.5 * Rate(vi.OnlyWords, vi.AccentedWords) / Rate(en.OnlyWords, en.AllWords));
        var shared = Math.Log(0.5 * Rate(vi.SharedWords, vi.AccentedWords) / Rate(en.SharedWords, en.AllWords));
        var calibration = new LanguageModelCalibration
        {
            CapitalWeight = options.CapitalWeight,
            VietnameseOnlyDiacritic = Math.Max(0, only),
            VietnameseSharedDiacritic = Math.Max(0, shared),
            OutOfModelScale = options.OutOfModelScale,
            EnglishUnseenWeight = options.EnglishUnseenWeight,
            VietnameseUnseenWeight = options.VietnameseUnseenWeight,
            EnglishDiacriticPenalty = options.EnglishDiacriticPenalty,
            OutOfModelBias = options.OutOfModelBias,
            ForeignDiacriticPenalty = options.ForeignDiacriticPenalty,
        };
        var name = string.IsNullOrEmpty(options.Name) ? "" : options.Name + ": ";
        var model = new LanguageModel(
            options.Order, options.NgramBits, options.WordBits, ngrams, words, calibration,
            $"{name}{en.Lines:N0} English lines, {vi.Lines:N0} Vietnamese lines; {heldEnglish.Count + heldVietnamese.Count:N0} held out for calibration");

        cancellationToken.ThrowIfCancellationRequested();
        return model.WithCalibration(Calibrate(model, heldEnglish, heldVietnamese, options));
    }

    private static double Rate(long count, long total) => (count + 1.0) / (total + 2.0);

    private static byte[] Quantise(long[] english, long[] vietnamese, double smoothing)
    {
        var buckets = english.Length;
        double englishTotal = 0, vietnameseTotal = 0;
        for (var b = 0; b < buckets; b++)
        {
            englishTotal += english[b];
            vietnameseTotal += vietnamese[b];
        }

        var table = new byte[2 * buckets];
        var englishDenominator = englishTotal + (smoothing * buckets);
        var vietnameseDenominator = vietnameseTotal + (smoothing * buckets);
        for (var b = 0; b < buckets; b++)
        {
            table[2 * b] = Cost((english[b] + smoothing) / englishDenominator);
            table[(2 * b) + 1] = Cost((vietnamese[b] + smoothing) / vietnameseDenominator);
        }

        return table;
    }

    private static byte Cost(double probability) => (byte)Math.Clamp(Math.Round(-Math.Log(probability) * LanguageModel.Scale), 0, 255);

    /// <summary>The per-word clips tried when <see cref="LanguageDetectorTrainingOptions.WordClip"/> is not set (nats).</summary>
    internal static readonly double[] WordClipCandidates = [2, 3, 4, 6, 8, 12, 16, 24, double.PositiveInfinity];

    private static LanguageModelCalibration Calibrate(LanguageModel model, List<string> english, List<string> vietnamese, LanguageDetectorTrainingOptions options)
    {
        var random = new Random(options.Seed);
        var names = VietnameseNames(vietnamese);
        var items = new List<(string Text, bool Vietnamese)>();
        foreach (var line in english)
        {
            items.Add((line, false));
            items.Add((Excerpt(line, random), false));
            if (names.Count > 0)
            {
                // English that quotes Vietnamese names (news about Viet Nam): its inner capitalised words replaced.
                var withNames = WithNames(line, names, random);
                if (!string.Equals(withNames, line, StringComparison.Ordinal))
                {
                    items.Add((withNames, false));
                }
            }
        }

        foreach (var line in vietnamese)
        {
            var excerpt = Excerpt(line, random);
            items.Add((line, true));
            items.Add((excerpt, true));
            items.Add((VietnameseFolding.Fold(line), true));
            items.Add((VietnameseFolding.Fold(excerpt), true));
        }

        // The clip on each word's evidence is chosen on these held-out items (fewest errors, both languages weighted
        // equally), then Platt scaling is fitted under it.
        var best = model.Calibration;
        var bestErrors = double.PositiveInfinity;
        var candidates = options.WordClip is { } fixedClip ? [fixedClip] : WordClipCandidates;
        foreach (var clip in candidates)
        {
            var calibration = model.Calibration with { WordClip = clip };
            var clipped = model.WithCalibration(calibration);
            var xs = new List<double>(items.Count);
            var ys = new List<bool>(items.Count);
            foreach (var (text, isVietnamese) in items)
            {
                var score = SpanScore.Of(clipped, text);
                if (score.Letters == 0)
                {
                    continue;
                }

                xs.Add(score.LogLikelihoodRatio(calibration));
                ys.Add(isVietnamese);
            }

            var (slope, intercept) = Platt(xs, ys);
            var errors = WeightedErrors(xs, ys, slope, intercept);
            if (errors < bestErrors - 1e-9 || (errors <= bestErrors + 1e-9 && clip > best.WordClip))
            {
                bestErrors = errors;
                best = calibration with { PlattSlope = slope, PlattIntercept = intercept };
            }
        }

        return best;
    }

    /// <summary>Share of items on the wrong side of the Platt decision, each language weighted equally.</summary>
    private static double WeightedErrors(List<double> xs, List<bool> ys, double slope, double intercept)
    {
        double wrongVietnamese = 0, vietnamese = 0, wrongEnglish = 0, english = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            var saysVietnamese = (slope * xs[i]) + intercept >= 0;
            if (ys[i])
            {
                vietnamese++;
                wrongVietnamese += saysVietnamese ? 0 : 1;
            }
            else
            {
                english++;
                wrongEnglish += saysVietnamese ? 1 : 0;
            }
        }

        return (wrongVietnamese / Math.Max(1, vietnamese)) + (wrongEnglish / Math.Max(1, english));
    }

    /// <summary>Capitalised words inside Vietnamese sentences (names of people and places), as written.</summary>
    private static List<string> VietnameseNames(List<string> lines)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < words.Length; i++)
            {
                var word = words[i];
                if (word.Length > 1 && char.IsUpper(word[0]) && IsLetters(word.AsSpan(1)) && !IsSentenceEnd(words[i - 1]))
                {
                    names.Add(word);
                }
            }
        }

        var list = new List<string>(names);
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSentenceEnd(string word) => word.EndsWith('.') || word.EndsWith('!') || word.EndsWith('?') || word.EndsWith(':');

    /// <summary><paramref name="line"/> with every capitalised word after the first replaced by one or two Vietnamese name syllables.</summary>
    private static string WithNames(string line, List<string> names, Random random)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fold = random.Next(2) == 0;
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i].Length > 0 && char.IsUpper(words[i][0]))
            {
                var count = random.Next(1, 3);
                var name = names[random.Next(names.Count)];
                for (var k = 1; k < count; k++)
                {
                    name += " " + names[random.Next(names.Count)];
                }

                words[i] = fold ? VietnameseFolding.Fold(name) : name;
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>A random run of 2 to 5 words of <paramref name="line"/> (the whole line when it is shorter).</summary>
    private static string Excerpt(string line, Random random)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var k = random.Next(2, 6);
        if (words.Length <= k)
        {
            return line;
        }

        var start = random.Next(0, words.Length - k);
        return string.Join(' ', words, start, k);
    }

    /// <summary>Logistic regression of the label on one score (Newton's method), classes weighted equally.</summary>
    internal static (double Slope, double Intercept) Platt(IReadOnlyList<double> xs, IReadOnlyList<bool> ys)
    {
        var positives = 0;
        foreach (var y in ys)
        {
            positives += y ? 1 : 0;
        }

        var negatives = ys.Count - positives;
        var positiveWeight = ys.Count / (2.0 * Math.Max(1, positives));
        var negativeWeight = ys.Count / (2.0 * Math.Max(1, negatives));
        double a = 0.1, b = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < xs.Count; i++)
            {
                var x = xs[i];
                var p = 1 / (1 + Math.Exp(-((a * x) + b)));
                var w = ys[i] ? positiveWeight : negativeWeight;
                var r = w * ((ys[i] ? 1 : 0) - p);
                ga += r * x;
                gb += r;
                var s = w * p * (1 - p);
                haa += s * x * x;
                hab += s * x;
                hbb += s;
            }

            // A small ridge keeps the step finite when the classes separate perfectly.
            haa += 1e-3;
            hbb += 1e-3;
            var det = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            a += da;
            b += db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return (a, b);
    }

    /// <summary>Counts of one language.</summary>
    private sealed class Counts(LanguageDetectorTrainingOptions options)
    {
        public long[] Ngrams { get; } = new long[1 << options.NgramBits];

        public long[] Words { get; } = new long[1 << options.WordBits];

        public int Lines { get; private set; }

        public long AllWords { get; private set; }

        public long AccentedWords { get; private set; }

        public long OnlyWords { get; private set; }

        public long SharedWords { get; private set; }

        public void Add(IEnumerable<string> lines, List<string> heldOut, int every, CancellationToken cancellationToken)
        {
            var visitor = new CountingVisitor(Ngrams, Words);
            var index = 0;
            foreach (var line in lines)
            {
                if (line is null || line.Length == 0)
                {
                    continue;
                }

                if ((index & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                index++;
                if (index % every == 0)
                {
                    heldOut.Add(line);
                    continue;
                }

                visitor.Reset();
                FeatureScanner.Scan(line, options.Order, options.NgramBits, options.WordBits, ref visitor);
                if (visitor.WordCount == 0)
                {
                    continue;
                }

                Lines++;
                AllWords += visitor.WordCount;
                OnlyWords += visitor.OnlyWords;
                SharedWords += visitor.SharedWords;
                if (visitor.OnlyWords + visitor.SharedWords > 0)
                {
                    AccentedWords += visitor.WordCount;
                }
            }
        }
    }

    private struct CountingVisitor(long[] ngrams, long[] words) : IFeatureVisitor
    {
        public int WordCount;
        public int OnlyWords;
        public int SharedWords;

        public void Reset()
        {
            WordCount = 0;
            OnlyWords = 0;
            SharedWords = 0;
        }

        public readonly void Ngram(int bucket) => ngrams[bucket]++;

        public void Word(int bucket, in WordShape shape)
        {
            words[bucket]++;
            WordCount++;
            if ((shape.Flags & CharTable.VietnameseOnly) != 0)
            {
                OnlyWords++;
            }
            else if ((shape.Flags & CharTable.VietnameseShared) != 0)
            {
                SharedWords++;
            }
        }

        public readonly void ForeignLetter()
        {
        }
    }
}
