using Aligner.Detection;
using Aligner.Normalization;

namespace Aligner.Training;

/// <summary>
/// Estimates a <see cref="LanguageModel"/> from English and Vietnamese text: naive Bayes counts of hashed character
/// n-grams and words (folded to lower case without diacritics, so one model serves Vietnamese with and without
/// diacritics), then, on held-out lines of the same text, the clip on names' evidence and a logistic regression that
/// weighs the kinds of evidence (n-grams of lower-case words, of sentence openers and of names; words with Vietnamese
/// diacritics) into a calibrated confidence.
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
internal static class LanguageDetectorTrainer
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
    public static LanguageDetector Train(IEnumerable<string> english, IEnumerable<string> vietnamese, LanguageDetectorTrainingOptions? options = null, CancellationToken cancellationToken = default) =>
        LanguageDetector.Create(TrainModel(english, vietnamese, options, cancellationToken));

    /// <summary><see cref="Train"/>'s model itself.</summary>
    internal static LanguageModel TrainModel(IEnumerable<string> english, IEnumerable<string> vietnamese, LanguageDetectorTrainingOptions? options = null, CancellationToken cancellationToken = default)
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

        var calibration = new LanguageModelCalibration
        {
            CapitalWeight = options.CapitalWeight,
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
        // equally); under each clip a logistic regression weighs the kinds of evidence (lower-case and capitalised words'
        // n-grams, their diacritics): naive Bayes sums overcount correlated n-grams, a diacritic does not.
        var best = model.Calibration;
        var bestErrors = double.PositiveInfinity;
        var candidates = options.WordClip is { } fixedClip ? [fixedClip] : WordClipCandidates;
        foreach (var clip in candidates)
        {
            var calibration = model.Calibration with { WordClip = clip };
            var clipped = model.WithCalibration(calibration);
            var rows = new List<double[]>(items.Count);
            var ys = new List<bool>(items.Count);
            foreach (var (text, isVietnamese) in items)
            {
                var score = SpanScore.Of(clipped, text);
                if (score.Letters == 0)
                {
                    continue;
                }

                var x = new double[SpanScore.EvidenceCount + 1];
                score.Evidence(calibration, x);
                x[^1] = 1;
                rows.Add(x);
                ys.Add(isVietnamese);
            }

            var w = LogisticRegression.Fit(rows, ys, BalancedWeights(ys), Ridge);
            var fitted = calibration.WithEvidenceWeights(w);
            var errors = WeightedErrors(rows, ys, w);
            if (errors < bestErrors - 1e-9 || (errors <= bestErrors + 1e-9 && clip > best.WordClip))
            {
                bestErrors = errors;
                best = fitted;
            }
        }

        return best;
    }

    // Keeps the weights finite where the held-out items separate (a lower-case word with ơ is never English there).
    private const double Ridge = 1e-2;

    /// <summary>Weights that make both languages count the same in total.</summary>
    private static double[] BalancedWeights(List<bool> ys)
    {
        var positives = ys.Count(y => y);
        var negatives = ys.Count - positives;
        return [.. ys.Select(y => ys.Count / (2.0 * Math.Max(1, y ? positives : negatives)))];
    }

    /// <summary>Share of items on the wrong side of the decision w·x ≥ 0, each language weighted equally.</summary>
    private static double WeightedErrors(List<double[]> rows, List<bool> ys, double[] w)
    {
        double wrongVietnamese = 0, vietnamese = 0, wrongEnglish = 0, english = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var z = 0.0;
            for (var k = 0; k < w.Length; k++)
            {
                z += w[k] * rows[i][k];
            }

            var saysVietnamese = z >= 0;
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

    /// <summary>Counts of one language.</summary>
    private sealed class Counts(LanguageDetectorTrainingOptions options)
    {
        public long[] Ngrams { get; } = new long[1 << options.NgramBits];

        public long[] Words { get; } = new long[1 << options.WordBits];

        public int Lines { get; private set; }

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
            }
        }
    }

    private struct CountingVisitor(long[] ngrams, long[] words) : IFeatureVisitor
    {
        public int WordCount;

        public void Reset() => WordCount = 0;

        public readonly void Ngram(int bucket) => ngrams[bucket]++;

        public void Word(int bucket, in WordShape shape)
        {
            words[bucket]++;
            WordCount++;
        }

        public readonly void ForeignLetter()
        {
        }
    }
}
