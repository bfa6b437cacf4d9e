using System.Runtime.InteropServices;
using Aligner.Scoring;
using Aligner.Tokenization;

namespace Aligner.Training;

/// <summary>Options of <c>Lexicon.Train</c> (<see cref="TrainingExtensions"/>).</summary>
public sealed record LexiconTrainingOptions
{
    /// <summary>The defaults.</summary>
    public static LexiconTrainingOptions Default { get; } = new();

    /// <summary>EM iterations of IBM Model 1 in each direction. Default 10 (chosen by FLORES retrieval, a dev figure: CHANGELOG, issue 5).</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>Translations less likely than this are dropped. Default 0.02.</summary>
    public double MinimumProbability { get; init; } = 0.02;

    /// <summary>At most this many translations are kept per word. Default 8.</summary>
    public int MaximumTranslations { get; init; } = 8;

    /// <summary>
    /// A word whose kept translations add up to less probability than this gets none: the lexicon does not know it
    /// well enough for a missing translation to count against a pair. Default 0.5.
    /// </summary>
    public double MinimumMass { get; init; } = 0.5;

    /// <summary>Pairs with more words than this on either side are skipped (long paragraphs teach Model 1 little). Default 80.</summary>
    public int MaximumWords { get; init; } = 80;

    /// <summary>Syllable pairs seen fewer times than this are not units of their own. Default 2.</summary>
    public int MinimumSyllablePairCount { get; init; } = 2;
}

/// <summary>
/// Trains a <see cref="Lexicon"/> from English–Vietnamese sentence pairs (and dictionary entries given as short
/// pairs) with IBM Model 1 and EM, in both directions.
/// </summary>
/// <remarks>
/// Vietnamese is seen as syllables plus adjacent syllable pairs, so that a two-syllable word such as
/// <c>hợp_tác</c> can be the translation of <c>cooperation</c>; English as lightly stemmed words. Thread-safe.
/// </remarks>
internal static class LexiconTrainer
{
    /// <summary>Trains a lexicon.</summary>
    /// <param name="pairs">English and Vietnamese texts that translate each other.</param>
    /// <param name="options">Training options; the defaults when null.</param>
    /// <param name="trainedOn">A note of the corpora, stored in the lexicon.</param>
    /// <param name="progress">Receives a line per stage.</param>
    /// <param name="cancellationToken">Stops a long training run.</param>
    public static Lexicon Train(IEnumerable<(string English, string Vietnamese)> pairs, LexiconTrainingOptions? options = null, string trainedOn = "", IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= LexiconTrainingOptions.Default;

        // Tokenise; syllable pairs become units only when they recur.
        var tokenised = new List<(List<string> English, List<string> Syllables)>();
        var pairCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (english, vietnamese) in pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var e = LexicalTokenizer.EnglishWords(english);
            var v = LexicalTokenizer.VietnameseSyllables(vietnamese);
            if (e.Count == 0 || v.Count == 0 || e.Count > options.MaximumWords || v.Count > options.MaximumWords)
            {
                continue;
            }

            tokenised.Add((e, v));
            for (var k = 0; k + 1 < v.Count; k++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(pairCounts, LexicalTokenizer.Join(v[k], v[k + 1]), out _)++;
            }
        }

        progress?.Report($"{tokenised.Count:N0} pairs");
        var englishVocabulary = new Vocabulary();
        var vietnameseVocabulary = new Vocabulary();
        var corpus = new List<(int[] English, int[] Vietnamese)>(tokenised.Count);
        foreach (var (e, v) in tokenised)
        {
            var units = new List<int>(v.Count * 2);
            foreach (var s in v)
            {
                units.Add(vietnameseVocabulary.Id(s));
            }

            for (var k = 0; k + 1 < v.Count; k++)
            {
                var joined = LexicalTokenizer.Join(v[k], v[k + 1]);
                if (pairCounts[joined] >= options.MinimumSyllablePairCount)
                {
                    units.Add(vietnameseVocabulary.Id(joined));
                }
            }

            corpus.Add(([.. e.Select(englishVocabulary.Id)], [.. units]));
        }

        progress?.Report($"vocabulary: {englishVocabulary.Count:N0} English words, {vietnameseVocabulary.Count:N0} Vietnamese units");
        var cooccurrence = new Cooccurrence(corpus);
        progress?.Report($"{cooccurrence.Count:N0} co-occurring pairs");
        var viGivenEn = ModelOne(corpus, cooccurrence, reverse: false, vietnameseVocabulary.Count, options.Iterations, progress, cancellationToken);
        var enGivenVi = ModelOne(corpus, cooccurrence, reverse: true, englishVocabulary.Count, options.Iterations, progress, cancellationToken);

        var toVietnamese = Lists(viGivenEn, cooccurrence, reverse: false, englishVocabulary.Count, options);
        var toEnglish = Lists(enGivenVi, cooccurrence, reverse: true, vietnameseVocabulary.Count, options);
        var lexicon = Compact(englishVocabulary.Words, vietnameseVocabulary.Words, toVietnamese, toEnglish, trainedOn);
        return WithChanceRates(lexicon, tokenised);
    }

    // The chance rate of a word: how often a word position of the other side of the training corpora holds one of
    // its translations (p ≥ 0.05, as LexicalFeatures uses them), per position with translations of its own (the m
    // of the coverage model), pooled over every sentence; (count + 0.5) / (positions + 1).
    private static Lexicon WithChanceRates(Lexicon lexicon, List<(List<string> English, List<string> Syllables)> corpus)
    {
        var englishUseful = new bool[lexicon.EnglishCount];
        var vietnameseUseful = new bool[lexicon.VietnameseCount];
        var englishOfVietnameseUnit = new List<int>[lexicon.VietnameseCount]; // u → English words e with u among e's translations
        var vietnameseOfEnglishWord = new List<int>[lexicon.EnglishCount]; // e → Vietnamese units v with e among v's translations
        for (var e = 0; e < lexicon.EnglishCount; e++)
        {
            foreach (var tr in lexicon.TranslationsOfEnglish(e))
            {
                if (Lexicon.Quantize(tr.Probability) >= LexicalFeatures.MinimumProbability)
                {
                    englishUseful[e] = true;
                    (englishOfVietnameseUnit[tr.Target] ??= []).Add(e);
                }
            }
        }

        for (var v = 0; v < lexicon.VietnameseCount; v++)
        {
            foreach (var tr in lexicon.TranslationsOfVietnamese(v))
            {
                if (Lexicon.Quantize(tr.Probability) >= LexicalFeatures.MinimumProbability)
                {
                    vietnameseUseful[v] = true;
                    (vietnameseOfEnglishWord[tr.Target] ??= []).Add(v);
                }
            }
        }

        var englishHits = new long[lexicon.EnglishCount];
        var vietnameseHits = new long[lexicon.VietnameseCount];
        var stamp = new int[lexicon.EnglishCount];
        long englishKnown = 0, vietnameseKnown = 0;
        var position = 0;
        foreach (var (english, syllables) in corpus)
        {
            foreach (var word in english)
            {
                var id = lexicon.EnglishId(word);
                if (id < 0)
                {
                    continue;
                }

                englishKnown += englishUseful[id] ? 1 : 0;
                foreach (var v in vietnameseOfEnglishWord[id] ?? [])
                {
                    vietnameseHits[v]++;
                }
            }

            var ids = new int[syllables.Count];
            var pairs = new int[syllables.Count];
            for (var p = 0; p < syllables.Count; p++)
            {
                ids[p] = lexicon.VietnameseId(syllables[p]);
                pairs[p] = p + 1 < syllables.Count ? lexicon.VietnameseId(LexicalTokenizer.Join(syllables[p], syllables[p + 1])) : -1;
            }

            for (var p = 0; p < syllables.Count; p++)
            {
                var known = (ids[p] >= 0 && vietnameseUseful[ids[p]]) || (pairs[p] >= 0 && vietnameseUseful[pairs[p]]) || (p > 0 && pairs[p - 1] >= 0 && vietnameseUseful[pairs[p - 1]]);
                vietnameseKnown += known ? 1 : 0;

                // A translation starting here (the syllable or the pair it opens) is one event per English word.
                position++;
                foreach (var unit in (ReadOnlySpan<int>)[ids[p], pairs[p]])
                {
                    if (unit < 0)
                    {
                        continue;
                    }

                    foreach (var e in englishOfVietnameseUnit[unit] ?? [])
                    {
                        if (stamp[e] != position)
                        {
                            stamp[e] = position;
                            englishHits[e]++;
                        }
                    }
                }
            }
        }

        return lexicon.WithChanceRates(Rates(englishHits, vietnameseKnown), Rates(vietnameseHits, englishKnown));

        static float[] Rates(long[] hits, long positions) =>
            [.. hits.Select(h => Lexicon.QuantizeChance(Math.Min((h + 0.5) / (positions + 1.0), 0.99)))];
    }

    // EM for t(target | source), one probability per co-occurring pair, plus t(target | NULL) per target.
    // The forward model reads t(vi | en), the reverse one t(en | vi); both share the pair numbering.
    private static double[] ModelOne(List<(int[] English, int[] Vietnamese)> corpus, Cooccurrence cooccurrence, bool reverse, int targetCount, int iterations, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var t = new double[cooccurrence.Count];
        var tNull = new double[targetCount];
        Array.Fill(t, 1.0);
        Array.Fill(tNull, 1.0);
        var counts = new double[cooccurrence.Count];
        var nullCounts = new double[targetCount];
        var totals = new double[reverse ? cooccurrence.VietnameseCount : cooccurrence.EnglishCount];
        var buffer = new double[corpus.Count == 0 ? 0 : corpus.Max(pair => Math.Max(pair.English.Length, pair.Vietnamese.Length))];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(counts);
            Array.Clear(nullCounts);
            Array.Clear(totals);
            double nullTotal = 0;
            for (var p = 0; p < corpus.Count; p++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (english, vietnamese) = corpus[p];
                var sources = reverse ? vietnamese : english;
                var targets = reverse ? english : vietnamese;
                var cells = cooccurrence.Cells[p]; // row e, column v: index e * |vi| + v
                for (var j = 0; j < targets.Length; j++)
                {
                    var denominator = tNull[targets[j]];
                    for (var i = 0; i < sources.Length; i++)
                    {
                        var cell = reverse ? cells[(j * vietnamese.Length) + i] : cells[(i * vietnamese.Length) + j];
                        buffer[i] = t[cell];
                        denominator += buffer[i];
                    }

                    var share = tNull[targets[j]] / denominator;
                    nullCounts[targets[j]] += share;
                    nullTotal += share;
                    for (var i = 0; i < sources.Length; i++)
                    {
                        var cell = reverse ? cells[(j * vietnamese.Length) + i] : cells[(i * vietnamese.Length) + j];
                        share = buffer[i] / denominator;
                        counts[cell] += share;
                        totals[sources[i]] += share;
                    }
                }
            }

            for (var c = 0; c < t.Length; c++)
            {
                var source = reverse ? cooccurrence.Vietnamese[c] : cooccurrence.English[c];
                t[c] = counts[c] / totals[source];
            }

            for (var target = 0; target < tNull.Length; target++)
            {
                tNull[target] = nullCounts[target] / nullTotal;
            }

            progress?.Report($"model 1 {(reverse ? "en|vi" : "vi|en")} iteration {iteration + 1}");
        }

        return t;
    }

    private static Translation[][] Lists(double[] t, Cooccurrence cooccurrence, bool reverse, int sourceCount, LexiconTrainingOptions options)
    {
        var lists = new List<Translation>[sourceCount];
        for (var c = 0; c < t.Length; c++)
        {
            if (t[c] < options.MinimumProbability)
            {
                continue;
            }

            var (source, target) = reverse ? (cooccurrence.Vietnamese[c], cooccurrence.English[c]) : (cooccurrence.English[c], cooccurrence.Vietnamese[c]);
            (lists[source] ??= []).Add(new Translation(target, (float)t[c]));
        }

        var result = new Translation[sourceCount][];
        for (var s = 0; s < sourceCount; s++)
        {
            var list = lists[s];
            if (list is null)
            {
                result[s] = [];
                continue;
            }

            list.Sort((a, b) => b.Probability.CompareTo(a.Probability));
            Translation[] kept = [.. list.Take(options.MaximumTranslations)];
            result[s] = kept.Sum(tr => tr.Probability) >= options.MinimumMass ? kept : [];
        }

        return result;
    }

    // Keeps only the words that take part in some translation, and renumbers them.
    private static Lexicon Compact(List<string> english, List<string> vietnamese, Translation[][] toVietnamese, Translation[][] toEnglish, string trainedOn)
    {
        var keepEnglish = new bool[english.Count];
        var keepVietnamese = new bool[vietnamese.Count];
        for (var e = 0; e < english.Count; e++)
        {
            foreach (var tr in toVietnamese[e])
            {
                keepEnglish[e] = true;
                keepVietnamese[tr.Target] = true;
            }
        }

        for (var v = 0; v < vietnamese.Count; v++)
        {
            foreach (var tr in toEnglish[v])
            {
                keepVietnamese[v] = true;
                keepEnglish[tr.Target] = true;
            }
        }

        var (englishMap, englishWords) = Renumber(english, keepEnglish);
        var (vietnameseMap, vietnameseUnits) = Renumber(vietnamese, keepVietnamese);
        var newToVietnamese = new Translation[englishWords.Length][];
        var newToEnglish = new Translation[vietnameseUnits.Length][];
        for (var e = 0; e < english.Count; e++)
        {
            if (englishMap[e] >= 0)
            {
                newToVietnamese[englishMap[e]] = [.. toVietnamese[e].Select(tr => tr with { Target = vietnameseMap[tr.Target] })];
            }
        }

        for (var v = 0; v < vietnamese.Count; v++)
        {
            if (vietnameseMap[v] >= 0)
            {
                newToEnglish[vietnameseMap[v]] = [.. toEnglish[v].Select(tr => tr with { Target = englishMap[tr.Target] })];
            }
        }

        return new Lexicon(englishWords, vietnameseUnits, newToVietnamese, newToEnglish, trainedOn);
    }

    private static (int[] Map, string[] Kept) Renumber(List<string> words, bool[] keep)
    {
        var map = new int[words.Count];
        var kept = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            map[i] = keep[i] ? kept.Count : -1;
            if (keep[i])
            {
                kept.Add(words[i]);
            }
        }

        return (map, [.. kept]);
    }

    // Numbers every (English word, Vietnamese unit) pair that shares a sentence pair, once, so that EM runs over
    // arrays instead of hash lookups; Cells[p] holds the numbers for sentence pair p, row-major by English word.
    private sealed class Cooccurrence
    {
        public Cooccurrence(List<(int[] English, int[] Vietnamese)> corpus)
        {
            var ids = new Dictionary<long, int>();
            var english = new List<int>();
            var vietnamese = new List<int>();
            Cells = new int[corpus.Count][];
            for (var p = 0; p < corpus.Count; p++)
            {
                var (e, v) = corpus[p];
                var cells = new int[e.Length * v.Length];
                for (var i = 0; i < e.Length; i++)
                {
                    for (var j = 0; j < v.Length; j++)
                    {
                        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, ((long)e[i] << 32) | (uint)v[j], out var exists);
                        if (!exists)
                        {
                            id = english.Count;
                            english.Add(e[i]);
                            vietnamese.Add(v[j]);
                        }

                        cells[(i * v.Length) + j] = id;
                    }

                    EnglishCount = Math.Max(EnglishCount, e[i] + 1);
                }

                foreach (var unit in v)
                {
                    VietnameseCount = Math.Max(VietnameseCount, unit + 1);
                }

                Cells[p] = cells;
            }

            English = [.. english];
            Vietnamese = [.. vietnamese];
        }

        public int[][] Cells { get; }

        public int[] English { get; }

        public int[] Vietnamese { get; }

        public int Count => English.Length;

        public int EnglishCount { get; }

        public int VietnameseCount { get; }
    }

    private sealed class Vocabulary
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

        public List<string> Words { get; } = [];

        public int Count => Words.Count;

        public int Id(string word)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, word, out var exists);
            if (!exists)
            {
                id = Words.Count;
                Words.Add(word);
            }

            return id;
        }
    }
}
