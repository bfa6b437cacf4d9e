using System.IO.Compression;
using System.Text;
using Aligner.Detection;
using Aligner.Normalization;
using Aligner.Restoration;

namespace Aligner.Training;

/// <summary>
/// Trains the <see cref="SyllableLanguageModel"/> of the diacritic restorer from accented Vietnamese text: counts
/// syllable trigrams, smooths them with interpolated Kneser–Ney, prunes rare trigrams and quantises the
/// probabilities to one byte, and lists the accented forms of every unaccented syllable.
/// </summary>
/// <example>
/// <code>
/// var model = RestorerTrainer.TrainFiles(["viwiki.vi.gz"], RestorerTrainerOptions.Default);
/// using (var file = File.Create("restorer.bin")) model.Save(file);
/// var restorer = new DiacriticRestorer(model);
/// </code>
/// </example>
/// <remarks>Memory grows with the corpus: about 20 bytes per syllable of training text while counting.</remarks>
internal static class RestorerTrainer
{
    /// <summary>Trains on the lines of the given files (UTF-8; <c>.gz</c> files are decompressed).</summary>
    /// <exception cref="InvalidDataException">A file is missing or unreadable, or the text has no Vietnamese syllable.</exception>
    /// <param name="paths">The corpus files.</param>
    /// <param name="options">Training options; the defaults when null.</param>
    /// <param name="progress">Receives a line now and then: lines read, then the model being built.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    public static DiacriticRestorer TrainFiles(IEnumerable<string> paths, RestorerTrainerOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        new(TrainModelFiles(paths, options, progress, cancellationToken), null, LanguageDetector.Default);

    /// <summary><see cref="TrainFiles"/>'s model itself.</summary>
    internal static SyllableLanguageModel TrainModelFiles(IEnumerable<string> paths, RestorerTrainerOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToList();
        foreach (var path in list)
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path}: no such file");
            }
        }

        return TrainModel(ReadLines(list), options, progress, cancellationToken);
    }

    /// <summary>Trains on accented Vietnamese text, one paragraph or sentence per line.</summary>
    /// <exception cref="InvalidDataException">The text has no Vietnamese syllable.</exception>
    /// <param name="lines">The corpus, one paragraph or sentence per line.</param>
    /// <param name="options">Training options; the defaults when null.</param>
    /// <param name="progress">Receives a line now and then: lines read, then the model being built.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    public static DiacriticRestorer Train(IEnumerable<string> lines, RestorerTrainerOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        new(TrainModel(lines, options, progress, cancellationToken), null, LanguageDetector.Default);

    /// <summary><see cref="Train"/>'s model itself.</summary>
    internal static SyllableLanguageModel TrainModel(IEnumerable<string> lines, RestorerTrainerOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        options ??= RestorerTrainerOptions.Default;
        options.Validate();

        // Pass 1: token ids (temporary syllable ids in order of first sight).
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
        var formCounts = new List<long>();
        var capitalCounts = new List<long>();
        var capsCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var otherCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var wordsAfter = new List<long>();
        var namesAfter = new List<long>();
        var capsLookup = capsCounts.GetAlternateLookup<ReadOnlySpan<char>>();
        var sequence = new IntBuffer();
        var tokens = new List<Token>();
        Span<char> scratch = stackalloc char[8];
        var lineCount = 0;
        foreach (var raw in lines)
        {
            if ((++lineCount & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (lineCount % 100_000 < 0x1000)
                {
                    progress?.Report($"{lineCount:N0} lines read");
                }
            }

            var line = ComposedOrAsIs(raw);
            SyllableTokenizer.Tokenize(line, tokens);
            if (tokens.Count == 0)
            {
                continue;
            }

            sequence.Add(SyllableLanguageModel.SentenceStart);
            sequence.Add(SyllableLanguageModel.SentenceStart);
            var open = false;
            var initial = true;
            var previous = -1;
            foreach (var token in tokens)
            {
                if (token.Kind != TokenKind.Word)
                {
                    previous = -1;
                }

                if (token.Kind == TokenKind.SentenceEnd)
                {
                    initial = true;
                    if (open)
                    {
                        sequence.Add(SyllableLanguageModel.SentenceEnd);
                        sequence.Add(SyllableLanguageModel.SentenceStart);
                        sequence.Add(SyllableLanguageModel.SentenceStart);
                        open = false;
                    }

                    continue;
                }

                open = true;
                switch (token.Kind)
                {
                    case TokenKind.Number:
                        sequence.Add(SyllableLanguageModel.NumberId);
                        continue;
                    case TokenKind.Clause:
                        sequence.Add(SyllableLanguageModel.ClauseId);
                        continue;
                    default:
                        break;
                }

                var word = line.AsSpan(token.Start, token.Length);
                if (previous >= 0)
                {
                    wordsAfter[previous]++;
                    namesAfter[previous] += SyllableTokenizer.IsNameLike(word) ? 1 : 0;
                }

                previous = -1;
                var inCapitals = IsCapitals(word);
                if (inCapitals)
                {
                    capsLookup[word] = capsLookup.TryGetValue(word, out var seen) ? seen + 1 : 1;
                }

                var capitalised = !initial && SyllableTokenizer.IsCapitalised(word);
                initial = false;
                if (word.Length > scratch.Length || !SyllableKey.TryCanonical(word, scratch, out var canonical) || !VietnameseLetters.IsSyllable(canonical))
                {
                    if (word.Length <= SyllableLanguageModel.MaxWordLength && !inCapitals)
                    {
                        var lower = word.ToString().ToLowerInvariant();
                        otherCounts[lower] = otherCounts.GetValueOrDefault(lower) + 1;
                    }

                    sequence.Add(SyllableLanguageModel.Unknown);
                    continue;
                }

                if (!lookup.TryGetValue(canonical, out var id))
                {
                    id = formCounts.Count;
                    lookup[canonical] = id;
                    formCounts.Add(0);
                    capitalCounts.Add(0);
                    wordsAfter.Add(0);
                    namesAfter.Add(0);
                }

                previous = id;
                formCounts[id]++;
                capitalCounts[id] += capitalised ? 1 : 0;
                sequence.Add(SyllableLanguageModel.FirstSyllable + id);
            }

            sequence.Add(SyllableLanguageModel.SentenceEnd);
        }

        if (forms.Count == 0)
        {
            throw new InvalidDataException("the training text has no Vietnamese syllable");
        }

        progress?.Report($"{lineCount:N0} lines read; counting and smoothing n-grams");

        // Vocabulary: frequent forms first, rare ones become <unk>.
        var byFrequency = forms.Where(p => formCounts[p.Value] >= options.MinSyllableCount)
            .OrderByDescending(p => formCounts[p.Value]).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(65535 - SyllableLanguageModel.FirstSyllable).ToList();
        var remap = new int[forms.Count];
        Array.Fill(remap, SyllableLanguageModel.Unknown);
        var vocabulary = new string[SyllableLanguageModel.FirstSyllable + byFrequency.Count];
        string[] specials = ["<s>", "</s>", "<unk>", "<num>", "<c>"];
        specials.CopyTo(vocabulary, 0);
        var counts = new long[vocabulary.Length];
        var capitals = new long[vocabulary.Length];
        var before = new long[vocabulary.Length];
        var beforeNames = new long[vocabulary.Length];
        for (var i = 0; i < byFrequency.Count; i++)
        {
            capitals[SyllableLanguageModel.FirstSyllable + i] = capitalCounts[byFrequency[i].Value];
            before[SyllableLanguageModel.FirstSyllable + i] = wordsAfter[byFrequency[i].Value];
            beforeNames[SyllableLanguageModel.FirstSyllable + i] = namesAfter[byFrequency[i].Value];
            remap[byFrequency[i].Value] = SyllableLanguageModel.FirstSyllable + i;
            vocabulary[SyllableLanguageModel.FirstSyllable + i] = byFrequency[i].Key;
            counts[SyllableLanguageModel.FirstSyllable + i] = formCounts[byFrequency[i].Value];
        }

        var seq = sequence.Span;
        for (var i = 0; i < seq.Length; i++)
        {
            if (seq[i] >= SyllableLanguageModel.FirstSyllable)
            {
                seq[i] = remap[seq[i] - SyllableLanguageModel.FirstSyllable];
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var flags = CandidateFlags(vocabulary, counts, options);
        var bonus = CapitalBonus(vocabulary, counts, capitals, flags);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var id = SyllableLanguageModel.FirstSyllable; id < vocabulary.Length; id++)
        {
            if (flags[id] != 0)
            {
                keys.Add(VietnameseFolding.Fold(vocabulary[id]));
            }
        }

        var codes = Codes(capsCounts, keys, MinCodeCount);
        foreach (var (bare, form) in Codes(otherCounts, keys, MinWordCount))
        {
            codes[bare] = form;
        }

        var next = NextBonus(vocabulary, before, beforeNames, flags);
        return KneserNey.Estimate(vocabulary, flags, bonus, seq, options.MinTrigramCount, cancellationToken, codes, next);
    }

    // For the candidates of each key, two bonuses: log P(the next word opens with a capital | form) − the same for
    // the key (a name follows: bà Mai, cô Lan, và Boston), and the same for a next word in lower case; P(name | form)
    // smoothed towards the key's (prior weight 4), the results kept in ±6. Only words right after the form count.
    private static float[] NextBonus(string[] vocabulary, long[] before, long[] beforeNames, byte[] flags)
    {
        const double prior = 4;
        var bonus = new float[vocabulary.Length * 2];
        var byKey = SumsByKey(vocabulary, flags, before, beforeNames);

        for (var id = SyllableLanguageModel.FirstSyllable; id < vocabulary.Length; id++)
        {
            if (flags[id] == 0)
            {
                continue;
            }

            var (total, names) = byKey[VietnameseFolding.Fold(vocabulary[id])];
            if (total == 0)
            {
                continue;
            }

            var keyShare = Math.Clamp(names / (double)total, 1e-4, 1 - 1e-4);
            var share = (beforeNames[id] + (prior * keyShare)) / (before[id] + prior);
            bonus[2 * id] = (float)Math.Clamp(Math.Log(share / keyShare), -6, 6);
            bonus[(2 * id) + 1] = (float)Math.Clamp(Math.Log((1 - share) / (1 - keyShare)), -6, 6);
        }

        return bonus;
    }

    private static bool IsCapitals(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 8)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    // An abbreviation's marked form is learnt when seen at least this many times; a lower-case word's, this many.
    private const int MinCodeCount = 3;
    private const int MinWordCount = 5;

    // Abbreviations in capitals (HĐND, ĐH, VĐV), and words that are no syllable in lower case (ôtô, đắk): for each
    // bare spelling, the most frequent written form when it has marks, is seen at least minCount times and is at least
    // half of the spellings' occurrences. A bare spelling that is a syllable the model restores (one of keys, the bare
    // keys of the candidates: HOI, KHONG, words of a headline in capitals) is left to the model.
    private static Dictionary<string, string> Codes(Dictionary<string, long> capsCounts, HashSet<string> keys, int minCount)
    {
        var byBare = new Dictionary<string, (string Form, long Count, long Total)>(StringComparer.Ordinal);
        foreach (var (form, count) in capsCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var bare = VietnameseFolding.Fold(form);
            byBare.TryGetValue(bare, out var best);
            byBare[bare] = count > best.Count ? (form, count, best.Total + count) : (best.Form, best.Count, best.Total + count);
        }

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (bare, (form, count, total)) in byBare)
        {
            if (count >= minCount && count * 2 >= total && SyllableLanguageModel.IsCode(bare, form)
                && !keys.Contains(bare.ToLowerInvariant()))
            {
                codes[bare] = form;
            }
        }

        return codes;
    }

    private static byte[] CandidateFlags(string[] vocabulary, long[] counts, RestorerTrainerOptions options)
    {
        var flags = new byte[vocabulary.Length];
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = SyllableLanguageModel.FirstSyllable; id < vocabulary.Length; id++)
        {
            var key = VietnameseFolding.Fold(vocabulary[id]);
            if (key.Length != vocabulary[id].Length || !key.All(char.IsAsciiLetterLower))
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            list.Add(id); // ids are in order of frequency
        }

        foreach (var list in byKey.Values)
        {
            long total = 0;
            foreach (var id in list)
            {
                total += counts[id];
            }

            var taken = 0;
            foreach (var id in list)
            {
                if (taken < options.MaxCandidates && counts[id] >= options.MinCandidateCount && counts[id] >= options.MinCandidateShare * total)
                {
                    flags[id] = 1;
                    taken++;
                }
            }
        }

        return flags;
    }

    // For the candidates of each key: log P(form | key, capitalised inside a sentence) − log P(form | key), with
    // the capitalised distribution smoothed towards the overall one (prior weight 4) and the result kept in ±6.
    private static float[] CapitalBonus(string[] vocabulary, long[] counts, long[] capitals, byte[] flags)
    {
        const double prior = 4;
        var bonus = new float[vocabulary.Length];
        var byKey = SumsByKey(vocabulary, flags, counts, capitals);

        for (var id = SyllableLanguageModel.FirstSyllable; id < vocabulary.Length; id++)
        {
            if (flags[id] == 0)
            {
                continue;
            }

            var (total, capital) = byKey[VietnameseFolding.Fold(vocabulary[id])];
            var share = counts[id] / (double)total;
            var capitalShare = (capitals[id] + (prior * share)) / (capital + prior);
            bonus[id] = (float)Math.Clamp(Math.Log(capitalShare / share), -6, 6);
        }

        return bonus;
    }

    // For each bare key, the sums of two counts over the syllables of the vocabulary that spell it (flags[id] != 0).
    private static Dictionary<string, (long First, long Second)> SumsByKey(string[] vocabulary, byte[] flags, long[] first, long[] second)
    {
        var byKey = new Dictionary<string, (long First, long Second)>(StringComparer.Ordinal);
        for (var id = SyllableLanguageModel.FirstSyllable; id < vocabulary.Length; id++)
        {
            if (flags[id] != 0)
            {
                var key = VietnameseFolding.Fold(vocabulary[id]);
                byKey.TryGetValue(key, out var sums);
                byKey[key] = (sums.First + first[id], sums.Second + second[id]);
            }
        }

        return byKey;
    }


    private static IEnumerable<string> ReadLines(List<string> paths)
    {
        foreach (var path in paths)
        {
            Stream stream;
            try
            {
                stream = File.OpenRead(path);
                if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                {
                    stream = new GZipStream(stream, CompressionMode.Decompress);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidDataException($"{path}: cannot be read ({ex.Message})", ex);
            }

            // Strict UTF-8 (or UTF-16 with a byte order mark): a binary or mis-encoded corpus is refused, not learned.
            using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var number = 0;
            while (true)
            {
                string? line;
                try
                {
                    line = reader.ReadLine();
                }
                catch (DecoderFallbackException ex)
                {
                    throw new InvalidDataException($"{path}: invalid UTF-8 on line {number + 1}", ex);
                }
                catch (IOException ex)
                {
                    throw new InvalidDataException($"{path}: cannot be read ({ex.Message})", ex);
                }

                if (line is null)
                {
                    break;
                }

                number++;
                if (line.Contains('\0', StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{path}: binary data, not text (NUL character on line {number})");
                }

                yield return line;
            }
        }
    }

    // NFC; a line with a lone surrogate or a noncharacter the framework refuses to normalise is taken as it is.
    private static string ComposedOrAsIs(string line)
    {
        try
        {
            return line.IsNormalized(NormalizationForm.FormC) ? line : line.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return line;
        }
    }

    /// <summary>A growable int array.</summary>
    private sealed class IntBuffer
    {
        private int[] items = new int[1 << 16];
        private int count;

        public Span<int> Span => items.AsSpan(0, count);

        public void Add(int value)
        {
            if (count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[count++] = value;
        }
    }
}
