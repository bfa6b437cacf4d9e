using Aligner.Alignment;
using Aligner.Input;
using Aligner.Preparation;
using Aligner.Restoration;
using Aligner.Scoring;

namespace Aligner.Matching;

/// <summary>
/// Finds every passage that has a translation among many files: between an English file and a Vietnamese one, and
/// inside a file that holds both languages. Text without a translation anywhere (navigation, bylines, lists of
/// other headlines, stories told in one language only) is left out.
/// </summary>
/// <remarks>
/// <para>
/// Each file is split into sentences and each paragraph given to the language detected in it. An index over the
/// English sentences' lexicon entries, numbers and names proposes, for every Vietnamese sentence, the few English
/// sentences that share the most rare evidence with it; those scored well by the <see cref="PairScorer"/> are seeds.
/// </para>
/// <para>
/// Every pair of files with enough seed evidence is aligned around its seeds by the <see cref="BeadAligner"/>, whose
/// one-sided runs leave the unshared text out, and its runs of aligned pairs become passages. The search runs
/// again without the sentences already matched, so passages that come in a different order in the two files are
/// found too (the local alignment of Smith–Waterman, with the bead aligner's scores). Finally each sentence keeps
/// only its strongest passage. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class PassageMatcher
{
    // Sentences around the seeds that the alignment of a pair of files also looks at.
    private const int RegionMargin = 5;

    // Rounds of alignment per pair of files: each finds the passages left in a different order.
    private const int MaximumRounds = 4;

    // Weight of rare shared keys (a name, a number or a content word found in one English sentence in about twenty)
    // a pair needs for its score to count as evidence: function words cover unrelated short sentences by chance.
    private const double MinimumSupport = 3;

    // A sentence already paired in another file is paired again only on much rarer shared keys (names, numbers,
    // several content words): a statement retold in two reports shares them, a loose paraphrase does not.
    private const double SecondPartnerSupport = 20;

    // The evidence a retold pair counts for in Resolve: the default least evidence of a passage (MatchOptions), so that
    // one retold statement stands as a passage, after the translated passages (stronger) have taken their sentences; a
    // caller who asks for more evidence than that keeps translated passages only.
    private const double RetoldEvidence = 5;

    // The probability that two files linked by one pair only tell the same event (see Resolve): even odds.
    private const double LoneLinkOdds = 0.5;

    // Files whose sentences a retelling may pair: for each file, the files of the other language that share the most
    // rare keys with it (the index's candidates), this many.
    private const int ComparableCandidateFiles = 3;

    private readonly PairScorer scorer;
    private readonly DocumentPreparer preparer;
    private readonly BeadAligner aligner;
    private readonly ComparableLinker? linker;

    /// <summary>Creates a matcher.</summary>
    /// <param name="pipeline">The scorer and the document stage (detector, restorer, lexicon) to use; <see cref="AlignmentPipeline.Default"/> when null. Its <see cref="AlignmentPipeline.Options"/> are not used: the priors inside a pair of files are <see cref="MatchOptions.Alignment"/>.</param>
    /// <param name="options">Matching options; <see cref="MatchOptions.Default"/> when null.</param>
    public PassageMatcher(AlignmentPipeline? pipeline = null, MatchOptions? options = null)
    {
        pipeline ??= AlignmentPipeline.Default;
        options ??= MatchOptions.Default;
        options.Validate();
        Options = options;
        scorer = pipeline.Scorer;
        preparer = pipeline.Preparer;
        if (preparer.Detector is null)
        {
            throw new ArgumentException("Matching splits each file by language: the pipeline's preparer needs a detector.", nameof(pipeline));
        }

        aligner = new BeadAligner(scorer, options.Alignment);
        var comparable = scorer.ForComparableText();
        linker = comparable.IsComparable ? new ComparableLinker(comparable) : null;
    }

    /// <summary>A matcher with the embedded models and default options.</summary>
    public static PassageMatcher Default { get; } = new();

    /// <summary>The options the matcher was built with.</summary>
    public MatchOptions Options { get; }

    /// <summary>Finds the passages that have a translation among <paramref name="files"/>.</summary>
    /// <param name="files">The texts; each may hold English, Vietnamese or both.</param>
    /// <param name="progress">Receives the stage and how far it is; called from worker threads.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    /// <returns>The passages, ordered by English file (in the order given) and position; ids count from 1 in that order.</returns>
    public IReadOnlyList<MatchedPassage> Match(IReadOnlyList<SourceText> files, IProgress<MatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Any(f => f is null))
        {
            throw new ArgumentNullException(nameof(files), "A file is null.");
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaximumParallelism, CancellationToken = cancellationToken };

        // 1. Sentences of each file, by language.
        var documents = new (PreparedText English, PreparedText Vietnamese)[files.Count];
        var prepared = 0;
        // Bare Vietnamese is restored with what the accented text of the whole collection writes.
        var cache = preparer.Restores
            ? new Lazy<DocumentCache>(() => preparer.Restorer!.CreateCache(files.Select(f => f.Content)), LazyThreadSafetyMode.ExecutionAndPublication)
            : null;
        Parallel.For(0, files.Count, parallel, f =>
        {
            documents[f] = preparer.PrepareBilingual(files[f], cache, cancellationToken);
            progress?.Report(new MatchProgress("reading", Interlocked.Increment(ref prepared), files.Count));
        });

        // 2. Seeds: well-scored pairs among each Vietnamese sentence's candidates.
        var english = Flatten(documents, d => d.English);
        var vietnamese = Flatten(documents, d => d.Vietnamese);
        var index = new CandidateIndex(english.Features.Select(f => f.IsFurniture ? null : f).ToList());
        var (seeds, shared) = FindSeeds(index, english, vietnamese, sumShared: linker is not null, parallel, progress);

        // The pairs of files whose retellings step 4 links (none without a comparable scorer).
        var candidates = linker is null ? [] : ComparableCandidates(shared);

        // 3. Passages of each pair of files with enough evidence. The keys told once in both files (DocumentKeys) of a
        // pair that step 4 links as well are kept for it.
        var groups = seeds
            .GroupBy(s => (English: english.Document[s.English], Vietnamese: vietnamese.Document[s.Vietnamese]))
            .Where(g => g.Sum(s => s.Support >= MinimumSupport ? Math.Min(s.Score, Options.MinimumPassageScore) : 0) >= Options.MinimumPassageScore)
            .ToList();
        var found = new List<Passage>[groups.Count];
        var keyedCandidates = new Dictionary<(int English, int Vietnamese), Keyed>();
        var aligned = 0;
        Parallel.For(0, groups.Count, parallel, g =>
        {
            var (en, vi) = groups[g].Key;
            var keyed = Key(documents, en, vi);
            if (Array.BinarySearch(candidates, (en, vi)) >= 0)
            {
                lock (keyedCandidates)
                {
                    keyedCandidates.Add((en, vi), keyed);
                }
            }

            found[g] = FindPassages(index, en, keyed.English, english.First[en], vi, keyed.Vietnamese, vietnamese.First[vi], groups[g], cancellationToken);
            progress?.Report(new MatchProgress("aligning", Interlocked.Increment(ref aligned), groups.Count));
        });

        // 4. Reports of one event by two outlets: the pairs of files that are each other's best partner by linked
        // retellings get those links too.
        var translated = found.SelectMany(p => p).ToList();
        var retold = linker is null ? [] : FindRetellings(linker, index, documents, english, vietnamese, candidates, keyedCandidates, translated, parallel, cancellationToken);

        // 5. Strongest passages first, a sentence keeps one partner per other file.
        return Resolve(translated.Concat(retold), documents, english.First, vietnamese.First, files).AsReadOnly();
    }

    // The seeds, and (when sumShared: the retellings need it) for each pair of files (English document, Vietnamese
    // document) the weight of the rare keys their candidate pairs share.
    private (List<Seed> Seeds, Dictionary<(int English, int Vietnamese), double> Shared) FindSeeds(CandidateIndex index, SentenceTable english, SentenceTable vietnamese, bool sumShared, ParallelOptions parallel, IProgress<MatchProgress>? progress)
    {
        var seeds = new List<Seed>();
        var shared = new Dictionary<(int English, int Vietnamese), double>();
        var searched = 0;
        var total = vietnamese.Features.Count;
        Parallel.For(
            0,
            total,
            parallel,
            () => (Scratch: new float[english.Features.Count], Found: new List<Seed>(), Shared: new Dictionary<(int, int), double>()),
            (v, _, local) =>
            {
                var features = vietnamese.Features[v];
                if (!features.IsFurniture)
                {
                    foreach (var (e, support) in index.Candidates(features, Options.CandidatesPerSentence, local.Scratch))
                    {
                        if (sumShared)
                        {
                            var files = (english.Document[e], vietnamese.Document[v]);
                            local.Shared[files] = local.Shared.GetValueOrDefault(files) + support;
                        }

                        var score = scorer.Score(english.Features[e], features);
                        if (score >= Options.MinimumSeedScore)
                        {
                            local.Found.Add(new Seed(e, v, score, support));
                        }
                    }
                }

                var done = Interlocked.Increment(ref searched);
                if (done % 1000 == 0 || done == total)
                {
                    progress?.Report(new MatchProgress("searching", done, total));
                }

                return local;
            },
            local =>
            {
                lock (seeds)
                {
                    seeds.AddRange(local.Found);
                    foreach (var (files, support) in local.Shared)
                    {
                        shared[files] = shared.GetValueOrDefault(files) + support;
                    }
                }
            });

        // Threads finish in any order: sort, so that the output does not depend on scheduling (the sums of shared
        // support may differ in their last bits; they only rank candidate files).
        seeds.Sort((a, b) => a.Vietnamese != b.Vietnamese ? a.Vietnamese.CompareTo(b.Vietnamese) : a.English.CompareTo(b.English));
        return (seeds, shared);
    }

    // Two outlets' reports of one event retell each other's statements in their own words and order, which the
    // translation passages miss. For each file, the few files of the other language sharing the most rare keys with it
    // are linked (ComparableLinker); the evidence of a pair of files is the sum of its links' log-odds, and two files
    // count as reports of one event when each is the other's best partner by it (a report of another event on the same
    // topic shares formulaic sentences, but less than the true partner does). Those pairs of files, when no translated
    // passage links them, get their links, each as a passage of its own.
    // The pairs (English file, Vietnamese file) whose retellings FindRetellings links, in order: for each file, the
    // ComparableCandidateFiles files of the other language sharing the most rare keys with it (two different files; a
    // bilingual file's own halves are the translation passages').
    private static (int English, int Vietnamese)[] ComparableCandidates(Dictionary<(int English, int Vietnamese), double> shared)
    {
        var candidates = new HashSet<(int English, int Vietnamese)>();
        foreach (var group in shared.Where(p => p.Key.English != p.Key.Vietnamese).GroupBy(p => p.Key.Vietnamese))
        {
            candidates.UnionWith(group.OrderByDescending(p => p.Value).ThenBy(p => p.Key.English).Take(ComparableCandidateFiles).Select(p => p.Key));
        }

        foreach (var group in shared.Where(p => p.Key.English != p.Key.Vietnamese).GroupBy(p => p.Key.English))
        {
            candidates.UnionWith(group.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Vietnamese).Take(ComparableCandidateFiles).Select(p => p.Key));
        }

        return candidates.OrderBy(p => p.English).ThenBy(p => p.Vietnamese).ToArray();
    }

    // The sentences of an English file and a Vietnamese file with the keys told once in both (DocumentKeys).
    private static Keyed Key((PreparedText English, PreparedText Vietnamese)[] documents, int english, int vietnamese)
    {
        var (en, vi) = DocumentKeys.WithUniqueKeys(documents[english].English.Features, documents[vietnamese].Vietnamese.Features);
        return new Keyed(en, vi);
    }

    private sealed record Keyed(SentenceFeatures[] English, SentenceFeatures[] Vietnamese);

    // pairs: ComparableCandidates; keyedPairs: those of them already keyed (aligned in step 3).
    private List<Passage> FindRetellings(ComparableLinker linker, CandidateIndex index, (PreparedText English, PreparedText Vietnamese)[] documents, SentenceTable english, SentenceTable vietnamese, (int English, int Vietnamese)[] pairs, Dictionary<(int English, int Vietnamese), Keyed> keyedPairs, List<Passage> translated, ParallelOptions parallel, CancellationToken cancellationToken)
    {
        var links = new IReadOnlyList<Bead>[pairs.Length];
        var evidence = new double[pairs.Length];
        var keyed = new Keyed[pairs.Length];
        Parallel.For(0, pairs.Length, parallel, k =>
        {
            var (en, vi) = pairs[k];
            keyed[k] = keyedPairs.GetValueOrDefault(pairs[k]) ?? Key(documents, en, vi);
            links[k] = linker.Link(keyed[k].English, keyed[k].Vietnamese, cancellationToken);
            evidence[k] = links[k].Where(b => b.EnglishCount > 0 && b.VietnameseCount > 0).Sum(b => Logit(b.Score));
        });

        // Each file's best partner by evidence (ties to the first file).
        var bestOfEnglish = new Dictionary<int, int>();
        var bestOfVietnamese = new Dictionary<int, int>();
        for (var k = 0; k < pairs.Length; k++)
        {
            if (evidence[k] <= 0)
            {
                continue;
            }

            if (!bestOfEnglish.TryGetValue(pairs[k].English, out var e) || evidence[k] > evidence[e])
            {
                bestOfEnglish[pairs[k].English] = k;
            }

            if (!bestOfVietnamese.TryGetValue(pairs[k].Vietnamese, out var v) || evidence[k] > evidence[v])
            {
                bestOfVietnamese[pairs[k].Vietnamese] = k;
            }
        }

        var linkedByTranslation = translated.Select(p => (p.EnglishDocument, p.VietnameseDocument)).ToHashSet();
        var retold = new List<Passage>();
        for (var k = 0; k < pairs.Length; k++)
        {
            var (en, vi) = pairs[k];
            if (bestOfEnglish.GetValueOrDefault(en, -1) != k || bestOfVietnamese.GetValueOrDefault(vi, -1) != k)
            {
                continue;
            }

            // Files that share a translated passage translate each other: what else they hold is told apart (the
            // translated passages' files in the match collections hold unrelated text, which links would pair wrongly).
            if (linkedByTranslation.Contains((en, vi)))
            {
                continue;
            }

            foreach (var bead in links[k])
            {
                if (bead.EnglishCount == 0 || bead.VietnameseCount == 0)
                {
                    continue;
                }

                var englishSentence = english.First[en] + bead.EnglishStart;
                var englishSpan = SentenceFeatures.Span(keyed[k].English, bead.EnglishStart, bead.EnglishCount);
                var vietnameseSpan = SentenceFeatures.Span(keyed[k].Vietnamese, bead.VietnameseStart, bead.VietnameseCount);
                var pair = new ScoredBead(bead.Kind, englishSentence, vietnamese.First[vi] + bead.VietnameseStart, scorer.Score(englishSpan, vietnameseSpan), index.Support(englishSentence, bead.EnglishCount, vietnameseSpan), bead.Score) { Retold = true };
                retold.Add(new Passage(en, vi, [pair]));
            }
        }

        return retold;
    }


    // Aligns the English sentences of one file with the Vietnamese sentences of another (or the same) file around
    // their seeds, round after round, each round without the sentences matched before.
    // english and vietnamese: the two files' sentences with the keys told once in both (DocumentKeys), which weigh in
    // the probability that a reader links a pair; not changed.
    private List<Passage> FindPassages(CandidateIndex index, int englishDocument, SentenceFeatures[] english, int englishFirst, int vietnameseDocument, SentenceFeatures[] vietnamese, int vietnameseFirst, IEnumerable<Seed> seeds, CancellationToken cancellationToken)
    {
        int enLow = int.MaxValue, enHigh = 0, viLow = int.MaxValue, viHigh = 0;
        foreach (var seed in seeds)
        {
            enLow = Math.Min(enLow, seed.English - englishFirst);
            enHigh = Math.Max(enHigh, seed.English - englishFirst);
            viLow = Math.Min(viLow, seed.Vietnamese - vietnameseFirst);
            viHigh = Math.Max(viHigh, seed.Vietnamese - vietnameseFirst);
        }

        var enStart = Math.Max(0, enLow - RegionMargin);
        var enEnd = Math.Min(english.Length, enHigh + RegionMargin + 1);
        var viStart = Math.Max(0, viLow - RegionMargin);
        var viEnd = Math.Min(vietnamese.Length, viHigh + RegionMargin + 1);
        // Copies: the rounds below mark the sentences matched as furniture.
        var enFeatures = english[enStart..enEnd];
        var viFeatures = vietnamese[viStart..viEnd];

        var passages = new List<Passage>();
        for (var round = 0; round < MaximumRounds; round++)
        {
            var beads = aligner.Align(enFeatures, viFeatures, cancellationToken);
            var before = passages.Count;
            foreach (var run in Runs(beads))
            {
                var pairs = new List<ScoredBead>(run.Count);
                foreach (var bead in run)
                {
                    var englishSentence = englishFirst + enStart + bead.EnglishStart;
                    var vietnameseSpan = SentenceFeatures.Span(viFeatures, bead.VietnameseStart, bead.VietnameseCount);
                    var support = index.Support(englishSentence, bead.EnglishCount, vietnameseSpan);
                    var englishSpan = SentenceFeatures.Span(enFeatures, bead.EnglishStart, bead.EnglishCount);
                    pairs.Add(new ScoredBead(
                        bead.Kind,
                        englishSentence,
                        vietnameseFirst + viStart + bead.VietnameseStart,
                        scorer.Score(englishSpan, vietnameseSpan),
                        support,
                        scorer.LinkProbability(englishSpan, vietnameseSpan)));
                }

                if (Trim(pairs) is { } passage)
                {
                    // The next round leaves these out; the weak ends cut off stay free.
                    passages.Add(new Passage(englishDocument, vietnameseDocument, passage));
                    foreach (var pair in passage)
                    {
                        Block(enFeatures, pair.English - englishFirst - enStart, pair.Kind.EnglishCount());
                        Block(viFeatures, pair.Vietnamese - vietnameseFirst - viStart, pair.Kind.VietnameseCount());
                    }
                }
            }

            // Another round only while a supported seed is left outside the passages found.
            if (passages.Count == before || !seeds.Any(s => s.Support >= MinimumSupport
                && !enFeatures[s.English - englishFirst - enStart].IsFurniture
                && !viFeatures[s.Vietnamese - vietnameseFirst - viStart].IsFurniture))
            {
                break;
            }
        }

        return passages;

        static void Block(SentenceFeatures[] features, int start, int count)
        {
            for (var k = start; k < start + count; k++)
            {
                features[k] = new SentenceFeatures(features[k]) { IsFurniture = true };
            }
        }
    }

    // Runs of aligned beads with at most MaximumGap unmatched sentences on either side between two of them.
    private IEnumerable<List<Bead>> Runs(IReadOnlyList<Bead> beads)
    {
        var run = new List<Bead>();
        int gapEnglish = 0, gapVietnamese = 0;
        foreach (var bead in beads)
        {
            if (bead.EnglishCount == 0 || bead.VietnameseCount == 0)
            {
                gapEnglish += bead.EnglishCount;
                gapVietnamese += bead.VietnameseCount;
                continue;
            }

            if (run.Count > 0 && (gapEnglish > Options.MaximumGap || gapVietnamese > Options.MaximumGap))
            {
                yield return run;
                run = [];
            }

            run.Add(bead);
            gapEnglish = gapVietnamese = 0;
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    // Cuts weak pairs off both ends; the rest is a passage when its evidence suffices.
    private List<ScoredBead>? Trim(List<ScoredBead> pairs)
    {
        var minimum = Logit(Options.MinimumEndProbability);
        var first = 0;
        var last = pairs.Count - 1;
        while (first <= last && !(pairs[first].Supported && pairs[first].Score >= minimum))
        {
            first++;
        }

        while (last >= first && !(pairs[last].Supported && pairs[last].Score >= minimum))
        {
            last--;
        }

        if (first > last)
        {
            return null;
        }

        var kept = pairs.GetRange(first, last - first + 1);
        return kept.Sum(p => p.Evidence) >= Options.MinimumPassageScore ? kept : null;
    }

    // Strongest passages first; a passage loses the pairs whose sentences a stronger one holds.
    private List<MatchedPassage> Resolve(IEnumerable<Passage> passages, (PreparedText English, PreparedText Vietnamese)[] documents, int[] englishFirst, int[] vietnameseFirst, IReadOnlyList<SourceText> files)
    {
        // A sentence has at most one partner in each other file: the same statement retold in two English reports
        // translates the Vietnamese one in both. A second partner needs more shared rare keys than the first.
        var pairedWith = new HashSet<(bool English, int Sentence, int OtherDocument)>();
        var paired = new HashSet<(bool English, int Sentence)>();
        var kept = new List<Passage>();
        foreach (var passage in passages.OrderByDescending(p => p.Score).ThenBy(p => p.EnglishDocument).ThenBy(p => p.VietnameseDocument).ThenBy(p => p.Pairs[0].English))
        {
            var free = passage.Pairs.Where(p =>
            {
                var en = Enumerable.Range(p.English, p.Kind.EnglishCount());
                var vi = Enumerable.Range(p.Vietnamese, p.Kind.VietnameseCount());
                if (en.Any(s => pairedWith.Contains((true, s, passage.VietnameseDocument))) || vi.Any(s => pairedWith.Contains((false, s, passage.EnglishDocument))))
                {
                    return false;
                }

                var again = en.Any(s => paired.Contains((true, s))) || vi.Any(s => paired.Contains((false, s)));
                return !again || (!Options.SinglePartner && p.Support >= SecondPartnerSupport);
            }).ToList();
            if (free.Count == 0 || free.Sum(p => p.Evidence) < Options.MinimumPassageScore)
            {
                continue;
            }

            foreach (var p in free)
            {
                for (var s = p.English; s < p.English + p.Kind.EnglishCount(); s++)
                {
                    pairedWith.Add((true, s, passage.VietnameseDocument));
                    paired.Add((true, s));
                }

                for (var s = p.Vietnamese; s < p.Vietnamese + p.Kind.VietnameseCount(); s++)
                {
                    pairedWith.Add((false, s, passage.EnglishDocument));
                    paired.Add((false, s));
                }
            }

            kept.Add(passage with { Pairs = free });
        }

        // One retold sentence alone is weak evidence that two reports tell the same event: state visits, summits and
        // reports of one ministry share formulaic sentences (the officials at the airport) across events. A pair that is
        // the only link between two files has at most even odds of linking the same statement.
        var linksBetween = new Dictionary<(int English, int Vietnamese), int>();
        foreach (var passage in kept)
        {
            var between = (passage.EnglishDocument, passage.VietnameseDocument);
            linksBetween[between] = linksBetween.GetValueOrDefault(between) + passage.Pairs.Count;
        }

        var result = new List<MatchedPassage>(kept.Count);
        foreach (var passage in kept.OrderBy(p => p.EnglishDocument).ThenBy(p => p.Pairs[0].English).ThenBy(p => p.VietnameseDocument))
        {
            var en = documents[passage.EnglishDocument].English.Sentences;
            var vi = documents[passage.VietnameseDocument].Vietnamese.Sentences;
            var lone = passage.EnglishDocument != passage.VietnameseDocument && linksBetween[(passage.EnglishDocument, passage.VietnameseDocument)] == 1;
            var pairs = passage.Pairs.Select(p =>
            {
                var e = p.English - englishFirst[passage.EnglishDocument];
                var v = p.Vietnamese - vietnameseFirst[passage.VietnameseDocument];
                return new MatchedPair(
                    p.Kind,
                    lone ? LoneLinkOdds * p.Probability : p.Probability,
                    en[e].Range.Union(en[e + p.Kind.EnglishCount() - 1].Range),
                    vi[v].Range.Union(vi[v + p.Kind.VietnameseCount() - 1].Range));
            }).ToList().AsReadOnly();
            result.Add(new MatchedPassage(result.Count + 1, files[passage.EnglishDocument], files[passage.VietnameseDocument], passage.Score, pairs));
        }

        return result;
    }

    private static SentenceTable Flatten((PreparedText English, PreparedText Vietnamese)[] documents, Func<(PreparedText English, PreparedText Vietnamese), PreparedText> side)
    {
        var features = new List<SentenceFeatures>();
        var document = new List<int>();
        var first = new int[documents.Length];
        for (var d = 0; d < documents.Length; d++)
        {
            var text = side(documents[d]);
            first[d] = features.Count;
            features.AddRange(text.Features);
            document.AddRange(Enumerable.Repeat(d, text.Features.Length));
        }

        return new SentenceTable(features, document, first);
    }

    private static double Logit(double p) => Math.Log(Math.Clamp(p, 1e-9, 1 - 1e-9) / (1 - Math.Clamp(p, 1e-9, 1 - 1e-9)));

    /// <summary>All sentences of one language, numbered across files.</summary>
    private sealed record SentenceTable(List<SentenceFeatures> Features, List<int> Document, int[] First);

    /// <summary>A candidate pair of sentences (global numbers), its score and the weight of the rare keys they share.</summary>
    private readonly record struct Seed(int English, int Vietnamese, double Score, double Support);

    /// <summary>
    /// An aligned pair: first sentences (global numbers), log-likelihood ratio, the weight of the rare keys the two
    /// share, and the probability that a reader links them (the scorer for comparable text).
    /// </summary>
    private readonly record struct ScoredBead(BeadKind Kind, int English, int Vietnamese, double Score, double Support, double Probability)
    {
        /// <summary>The two share enough rare keys for the score to count.</summary>
        public bool Supported => Support >= MinimumSupport;

        /// <summary>A link between two reports of one event (FindRetellings), decided by its probability, not by its translation score.</summary>
        public bool Retold { get; init; }

        /// <summary>
        /// What the pair adds to its passage's evidence: a pair without rare keys in common adds no more than 0; a
        /// retold pair, already judged, counts as a passage of its own.
        /// </summary>
        public double Evidence => Retold ? RetoldEvidence : Supported ? Score : Math.Min(Score, 0);
    }

    private sealed record Passage(int EnglishDocument, int VietnameseDocument, List<ScoredBead> Pairs)
    {
        public double Score { get; } = Pairs.Sum(p => p.Evidence);
    }
}
