using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.CompilerServices;
using Aligner.Input;
using Aligner.Normalization;

namespace Aligner.Restoration;

/// <summary>
/// A trigram language model over Vietnamese syllables (interpolated Kneser–Ney, stored in backoff form, pruned and
/// quantised to one byte per probability) together with the accented forms each unaccented syllable can take.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe once loaded. Built by <see cref="Training.RestorerTrainer"/>; stored as a
/// gzip-compressed binary file (<see cref="Save"/>, <see cref="Load"/>). Syllables are lower case, NFC, with tone
/// marks in the old style (<c>hòa</c>); anything else is <c>&lt;unk&gt;</c>, numbers are <c>&lt;num&gt;</c>.</para>
/// <para>Lookups: a trigram found in the table gives its probability; otherwise the backoff weight of its context
/// plus the bigram probability, which itself backs off to the unigram. In memory the n-grams live in
/// open-addressing hash tables built at load time.</para>
/// </remarks>
internal sealed class SyllableLanguageModel
{
    internal const int SentenceStart = 0;
    internal const int SentenceEnd = 1;
    internal const int Unknown = 2;
    internal const int NumberId = 3;
    internal const int ClauseId = 4;
    internal const int FirstSyllable = 5;

    private const uint Magic = 0x52564C41; // "ALVR"
    private const int Version = 4;

    // The most a model may hold uncompressed (the shipped one holds far less); a larger stream is refused, not buffered.
    private const int MaxFileBytes = 1 << 30;

    private static readonly string[] SpecialTokens = ["<s>", "</s>", "<unk>", "<num>", "<c>"];

    private readonly string[] vocabulary;
    private readonly float[] unigram;
    private readonly float[] unigramBackoff;
    private readonly FrozenDictionary<string, int> ids;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> idLookup;
    private readonly FrozenDictionary<string, int[]> candidates;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> candidateLookup;

    // Quantised n-gram tables as stored (sorted keys) and as hash tables for lookups.
    private readonly int bigramCount;
    private readonly Quantizer bigramProbQ;
    private readonly Quantizer bigramBackoffQ;
    private readonly Quantizer trigramProbQ;
    private readonly byte[] candidateFlags;
    private readonly float[] capitalBonus;

    // Per entry: the bonus of a form when the next word is capitalised inside a sentence (a name), then when it is in lower case.
    private readonly float[] nextBonus;

    private readonly uint[] biSlots;
    private readonly ushort[] biValues; // probability byte | backoff byte << 8
    private readonly int biShift;

    // Trigrams grouped by context: the bigram slot of u v gives the range of its stored w, sorted, in triWords.
    private readonly int[] biTriStart;
    private readonly ushort[] biTriCount;
    private readonly ushort[] triWords;
    private readonly byte[] triValues;
    private readonly float[] biProbTable;
    private readonly float[] biBackoffTable;
    private readonly float[] triProbTable;

    // Abbreviations in capitals with their marks (HDND → HĐND), by their bare spelling.
    private readonly FrozenDictionary<string, string> codes;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> codeLookup;

    // The model proper: the trigrams grouped by context (Grouped), in the order of the (sorted) bigram keys.
    internal SyllableLanguageModel(
        string[] vocabulary,
        float[] unigram,
        float[] unigramBackoff,
        byte[] candidateFlags,
        float[] capitalBonus,
        uint[] bigramKeys,
        byte[] bigramProb,
        byte[] bigramBackoff,
        Quantizer bigramProbQ,
        Quantizer bigramBackoffQ,
        (int[] Counts, ushort[] Words, byte[] Prob) trigrams,
        Quantizer trigramProbQ,
        IReadOnlyDictionary<string, string>? codes,
        float[]? nextBonus)
    {
        this.vocabulary = vocabulary;
        this.unigram = unigram;
        this.unigramBackoff = unigramBackoff;
        this.candidateFlags = candidateFlags;
        this.capitalBonus = capitalBonus;
        this.nextBonus = nextBonus ?? new float[vocabulary.Length * 2];
        if (this.nextBonus.Length != vocabulary.Length * 2)
        {
            throw new InvalidDataException("syllable model has bad bonuses before capitals");
        }
        bigramCount = bigramKeys.Length;
        this.bigramProbQ = bigramProbQ;
        this.bigramBackoffQ = bigramBackoffQ;
        this.trigramProbQ = trigramProbQ;

        var idMap = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        var candidateLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = FirstSyllable; id < vocabulary.Length; id++)
        {
            idMap[vocabulary[id]] = id;
            if (candidateFlags[id] != 0)
            {
                var key = VietnameseFolding.Fold(vocabulary[id]);
                if (!candidateLists.TryGetValue(key, out var list))
                {
                    candidateLists[key] = list = [];
                }

                list.Add(id);
            }
        }

        ids = idMap.ToFrozenDictionary(StringComparer.Ordinal);
        idLookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        candidates = candidateLists.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        candidateLookup = candidates.GetAlternateLookup<ReadOnlySpan<char>>();
        this.codes = (codes ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var (bare, form) in this.codes)
        {
            if (!IsCode(bare, form))
            {
                throw new InvalidDataException($"syllable model has a bad abbreviation {bare}");
            }
        }

        codeLookup = this.codes.GetAlternateLookup<ReadOnlySpan<char>>();

        biProbTable = bigramProbQ.Table();
        biBackoffTable = bigramBackoffQ.Table();
        triProbTable = trigramProbQ.Table();

        int[] slotOf;
        (biSlots, biShift, biValues, slotOf) = BuildBigrams(bigramKeys, bigramProb, bigramBackoff);
        triWords = trigrams.Words;
        triValues = trigrams.Prob;
        biTriStart = new int[biSlots.Length];
        biTriCount = new ushort[biSlots.Length];
        var start = 0;
        for (var i = 0; i < slotOf.Length; i++)
        {
            var count = trigrams.Counts[i];
            biTriStart[slotOf[i]] = start;
            biTriCount[slotOf[i]] = (ushort)count;
            start += count;
        }
    }

    // Bigrams (sorted, distinct keys) into an open-addressing hash table, probability and backoff bytes packed per
    // slot; also the slot of each key.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (uint[] Slots, int Shift, ushort[] Values, int[] SlotOf) BuildBigrams(uint[] keys, byte[] prob, byte[] backoff)
    {
        var (slots, shift) = NewTable<uint>(keys.Length, uint.MaxValue);
        var values = new ushort[slots.Length];
        var slotOf = new int[keys.Length];
        var mask = slots.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == uint.MaxValue || (i > 0 && keys[i] <= keys[i - 1]))
            {
                throw new InvalidDataException("syllable model's bigrams are not sorted");
            }

            var slot = (int)((keys[i] * 0x9E3779B97F4A7C15UL) >> shift);
            while (slots[slot] != uint.MaxValue)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = keys[i];
            values[slot] = (ushort)(prob[i] | (backoff[i] << 8));
            slotOf[i] = slot;
        }

        return (slots, shift, values, slotOf);
    }

    // Sorted trigram keys as groups per bigram (the context u v), walking both sorted lists together; a trigram
    // whose context is not a stored bigram can never be reached and is dropped.
    internal static (int[] Counts, ushort[] Words, byte[] Prob) Grouped(uint[] bigramKeys, ulong[] trigramKeys, byte[] trigramProb)
    {
        var counts = new int[bigramKeys.Length];
        var words = new ushort[trigramKeys.Length];
        var prob = new byte[trigramKeys.Length];
        var n = 0;
        var b = 0;
        for (var i = 0; i < trigramKeys.Length; i++)
        {
            if (i > 0 && trigramKeys[i] <= trigramKeys[i - 1])
            {
                throw new InvalidDataException("syllable model's trigrams are not sorted");
            }

            var context = trigramKeys[i] >> 16;
            while (b < bigramKeys.Length && bigramKeys[b] < context)
            {
                b++;
            }

            if (b < bigramKeys.Length && bigramKeys[b] == context)
            {
                counts[b]++;
                words[n] = (ushort)trigramKeys[i];
                prob[n++] = trigramProb[i];
            }
        }

        Array.Resize(ref words, n);
        Array.Resize(ref prob, n);
        return (counts, words, prob);
    }

    /// <summary>Number of entries in the vocabulary, including the five special tokens.</summary>
    public int VocabularySize => vocabulary.Length;

    /// <summary>Number of stored bigrams.</summary>
    public int BigramCount => bigramCount;

    /// <summary>Number of stored trigrams.</summary>
    public int TrigramCount => triWords.Length;

    /// <summary>Number of unaccented syllables (folded, lower case) that have accented candidates.</summary>
    public int KeyCount => candidates.Count;

    /// <summary>
    /// Number of words that are no syllable and that the model writes with marks: abbreviations in capitals
    /// (<c>HDND</c> → <c>HĐND</c>) and lower-case words (<c>oto</c> → <c>ôtô</c>, <c>dak</c> → <c>đắk</c>).
    /// </summary>
    public int CodeCount => codes.Count;

    /// <summary>The marked spelling of an abbreviation written in bare capitals (<c>HDND</c> → <c>HĐND</c>), or null.</summary>
    internal string? CodeForm(ReadOnlySpan<char> bareCapitals) => codeLookup.TryGetValue(bareCapitals, out var form) ? form : null;

    /// <summary>
    /// The marked spelling of a bare word that is no syllable, in lower case or title case (<c>Dak</c> → <c>Đắk</c>),
    /// written in the case of <paramref name="word"/>; null when the model has none.
    /// </summary>
    internal string? WordForm(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > MaxWordLength)
        {
            return null;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (!codeLookup.TryGetValue(lower, out var form))
        {
            return null;
        }

        return string.Create(word.Length, (form, word.ToString()), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsUpper(state.Item2[i]) ? char.ToUpperInvariant(state.form[i]) : state.form[i];
            }
        });
    }

    private static readonly System.Buffers.SearchValues<char> VietnameseMarks = System.Buffers.SearchValues.Create("\u0306\u0302\u031B\u0309\u0323đ");

    // The longest word that WordForm looks up.
    internal const int MaxWordLength = 12;

    /// <summary>
    /// True when <paramref name="form"/> is a marked spelling of the bare word <paramref name="bare"/>: 2–8 ASCII
    /// capitals (an abbreviation) or 2–12 lower-case ASCII letters, the form Vietnamese letters of the same length
    /// and case folding to them, with at least one mark.
    /// </summary>
    internal static bool IsCode(string bare, string form)
    {
        if (bare.Length < 2 || form.Length != bare.Length || string.Equals(bare, form, StringComparison.Ordinal))
        {
            return false;
        }

        var upper = char.IsAsciiLetterUpper(bare[0]);
        if (bare.Length > (upper ? 8 : MaxWordLength))
        {
            return false;
        }

        for (var i = 0; i < bare.Length; i++)
        {
            var c = form[i];
            var letter = c is 'Đ' or 'đ' || char.IsAsciiLetter(c) || VietnameseLetters.IsVowelBase(VietnameseLetters.Lower(c));
            if (!(upper ? char.IsAsciiLetterUpper(bare[i]) : char.IsAsciiLetterLower(bare[i])) || !letter || char.IsUpper(c) != upper
                || VietnameseFolding.Fold(c) != bare[i])
            {
                return false;
            }
        }

        // A lower-case word needs a mark that European spellings do not have (đ, ă, â, ê, ô, ơ, ư, a hook or a dot
        // below): Wikipedia writes México and García, news Mexico and Garcia.
        return upper || form.Normalize(System.Text.NormalizationForm.FormD).AsSpan().IndexOfAny(VietnameseMarks) >= 0;
    }

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stream is not a syllable model of this version.</exception>
    public static SyllableLanguageModel Load(Stream stream) => ModelFile.Read(stream, "syllable model", reader =>
    {
        var version = ModelFile.ReadHeader(reader, Magic, "syllable model", 2, Version);

        // The rest is read in one go and parsed from memory: most of it is millions of small varints.
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = reader.BaseStream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new InvalidDataException($"syllable model is larger than {MaxFileBytes >> 20} MB uncompressed");
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), version);
    });

    // Version 2 stores the trigrams as sorted 64-bit keys (deltas); version 3 as groups in the order of the bigrams:
    // the size of each group, then the syllables of each (deltas within the group), then the probabilities; version 4
    // adds the abbreviations after them, then two bonuses per entry (before a capitalised word, before a lower-case one).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SyllableLanguageModel Parse(ReadOnlySpan<byte> data, int version)
    {
        var reader = new SpanReader(data);
        var count = reader.ReadInt32();
        if (count < FirstSyllable || count > 65535)
        {
            throw new InvalidDataException($"bad vocabulary size {count}");
        }

        var vocabulary = new string[count];
        var unigram = new float[count];
        var backoff = new float[count];
        var flags = new byte[count];
        var capital = new float[count];
        for (var i = 0; i < count; i++)
        {
            vocabulary[i] = reader.ReadString();
            unigram[i] = reader.ReadSingle();
            backoff[i] = reader.ReadSingle();
            flags[i] = reader.ReadByte();
            capital[i] = reader.ReadSingle();
            if (!float.IsFinite(unigram[i]) || !float.IsFinite(backoff[i]) || !float.IsFinite(capital[i]))
            {
                throw new InvalidDataException($"syllable model has a bad value for entry {i}");
            }
        }

        var biProbQ = Quantizer.Read(ref reader);
        var biBackQ = Quantizer.Read(ref reader);
        var biCount = reader.ReadCount();
        var biKeys = new uint[biCount];
        uint previous = 0;
        for (var i = 0; i < biCount; i++)
        {
            previous += (uint)reader.Read7BitEncodedUInt64();
            biKeys[i] = previous;
        }

        var biProb = reader.ReadBytes(biCount);
        var biBack = reader.ReadBytes(biCount);

        var triQ = Quantizer.Read(ref reader);
        var triCount = reader.ReadCount();
        (int[] Counts, ushort[] Words, byte[] Prob) trigrams;
        if (version == 2)
        {
            var triKeys = new ulong[triCount];
            ulong last = 0;
            for (var i = 0; i < triCount; i++)
            {
                last += reader.Read7BitEncodedUInt64();
                triKeys[i] = last;
            }

            trigrams = Grouped(biKeys, triKeys, reader.ReadBytes(triCount));
        }
        else
        {
            var counts = new int[biCount];
            long total = 0;
            for (var i = 0; i < biCount; i++)
            {
                var size = reader.Read7BitEncodedUInt64();
                if (size > ushort.MaxValue)
                {
                    throw new InvalidDataException("syllable model has a bad trigram group");
                }

                counts[i] = (int)size;
                total += counts[i];
            }

            if (total != triCount)
            {
                throw new InvalidDataException("syllable model's trigram groups do not add up");
            }

            var words = new ushort[triCount];
            var n = 0;
            foreach (var size in counts)
            {
                ulong w = 0;
                for (var k = 0; k < size; k++)
                {
                    var delta = reader.Read7BitEncodedUInt64();
                    w += delta;
                    if ((k > 0 && delta == 0) || w >= (ulong)vocabulary.Length)
                    {
                        throw new InvalidDataException("syllable model has a bad trigram");
                    }

                    words[n++] = (ushort)w;
                }
            }

            trigrams = (counts, words, reader.ReadBytes(triCount));
        }

        // Version 4 adds the abbreviations: their number, then each bare spelling and its marked one.
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        float[]? nextBonus = null;
        if (version >= 4)
        {
            var codeCount = reader.ReadCount();
            for (var i = 0; i < codeCount; i++)
            {
                var bare = reader.ReadString();
                var form = reader.ReadString();
                if (!codes.TryAdd(bare, form))
                {
                    throw new InvalidDataException($"syllable model has a bad abbreviation {bare}"); // each is checked by the constructor
                }
            }

            nextBonus = new float[count * 2];
            for (var i = 0; i < nextBonus.Length; i++)
            {
                nextBonus[i] = reader.ReadSingle();
                if (!float.IsFinite(nextBonus[i]))
                {
                    throw new InvalidDataException($"syllable model has a bad value for entry {i / 2}");
                }
            }
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("syllable model has data after its end");
        }

        return new SyllableLanguageModel(vocabulary, unigram, backoff, flags, capital, biKeys, biProb, biBack, biProbQ, biBackQ, trigrams, triQ, codes, nextBonus);
    }

    /// <summary>Writes the model to <paramref name="stream"/> (gzip-compressed binary).</summary>
    public void Save(Stream stream) => ModelFile.Write(stream, writer =>
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            writer.Write(vocabulary[i]);
            writer.Write(unigram[i]);
            writer.Write(unigramBackoff[i]);
            writer.Write(candidateFlags[i]);
            writer.Write(capitalBonus[i]);
        }

        bigramProbQ.Write(writer);
        bigramBackoffQ.Write(writer);

        // Only the hash tables are kept in memory: the sorted lists are rebuilt from them.
        var (bigramKeys, bigramValues) = Sorted(biSlots, biValues, uint.MaxValue);
        writer.Write(bigramKeys.Length);
        uint previous = 0;
        foreach (var key in bigramKeys)
        {
            writer.Write7BitEncodedInt64(key - previous);
            previous = key;
        }

        foreach (var value in bigramValues)
        {
            writer.Write((byte)(value & 0xFF));
        }

        foreach (var value in bigramValues)
        {
            writer.Write((byte)(value >> 8));
        }

        trigramProbQ.Write(writer);
        var slots = SortedSlots(biSlots, uint.MaxValue);
        writer.Write(triWords.Length);
        foreach (var slot in slots)
        {
            writer.Write7BitEncodedInt(biTriCount[slot]);
        }

        foreach (var slot in slots)
        {
            var previousWord = 0;
            for (var i = biTriStart[slot]; i < biTriStart[slot] + biTriCount[slot]; i++)
            {
                writer.Write7BitEncodedInt(triWords[i] - previousWord);
                previousWord = triWords[i];
            }
        }

        foreach (var slot in slots)
        {
            writer.Write(triValues, biTriStart[slot], biTriCount[slot]);
        }

        writer.Write(codes.Count);
        foreach (var bare in codes.Keys.Order(StringComparer.Ordinal))
        {
            writer.Write(bare);
            writer.Write(codes[bare]);
        }

        foreach (var value in nextBonus)
        {
            writer.Write(value);
        }
    });

    /// <summary>
    /// Natural-log probability of syllable <paramref name="w"/> after <paramref name="u"/> <paramref name="v"/>
    /// (lower case, NFC, old tone style; <c>&lt;s&gt;</c> for the start of a sentence; unknown syllables are <c>&lt;unk&gt;</c>).
    /// </summary>
    public double LogProbability(string u, string v, string w)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(w);
        return Score(IdOf(u), IdOf(v), IdOf(w));
    }

    /// <summary>The accented forms the model knows for an unaccented syllable (any case), most frequent first.</summary>
    public IReadOnlyList<string> Candidates(string unaccented)
    {
        ArgumentNullException.ThrowIfNull(unaccented);
        return candidates.TryGetValue(unaccented.ToLowerInvariant(), out var list) ? [.. list.Select(i => vocabulary[i])] : [];
    }

    internal string Form(int id) => vocabulary[id];

    /// <summary>True when <paramref name="id"/> is an accented (or bare) form some unaccented key can become.</summary>
    internal bool IsCandidate(int id) => id >= FirstSyllable && id < vocabulary.Length && candidateFlags[id] != 0;

    /// <summary>
    /// log P(capitalised inside a sentence | form) − log P(capitalised inside a sentence | any form of its key):
    /// how much a capital inside a sentence favours this form (names: <c>Nguyễn</c> over <c>nguyên</c>).
    /// </summary>
    internal float CapitalBonus(int id) => capitalBonus[id];

    /// <summary>
    /// 0.35 × (log P(the next word is capitalised | form) − log P(the next word is capitalised | any form of its key)),
    /// when <paramref name="next"/> is 1 (a name follows: <c>bà Mai</c> over <c>ba mai</c>); the same for a next word
    /// that is not capitalised when −1; 0 when no word follows.
    /// </summary>
    internal float NextBonus(int id, sbyte next) => next == 0 ? 0f : NextWordWeight * nextBonus[(2 * id) + (next > 0 ? 0 : 1)];

    // The weight of the bonus above (chosen on NTREX-128 dev with baomoi beside it: 1 → 97.48 / 97.66 / 94.89 %, stripped /
    // half-accented / baomoi; 0.5 → 97.54 / 97.71 / 94.91; 0.35 → 97.56 / 97.71 / 94.91; 0.25 → 97.55 / 97.72 / 94.91;
    // the capitalised side alone at 0.5: 97.53 / 97.71 / 94.86).
    private const float NextWordWeight = 0.35f;

    internal int IdOf(string token)
    {
        var special = Array.IndexOf(SpecialTokens, token);
        return special >= 0 ? special : IdOf(token.AsSpan());
    }

    /// <summary>The id of a lower-case, NFC, old-style syllable, or <see cref="Unknown"/>.</summary>
    internal int IdOf(ReadOnlySpan<char> syllable) => idLookup.TryGetValue(syllable, out var id) ? id : Unknown;

    /// <summary>The candidate ids of a folded lower-case key, or null.</summary>
    internal int[]? CandidatesOf(ReadOnlySpan<char> key) => candidateLookup.TryGetValue(key, out var list) ? list : null;

    /// <summary>log P(w | u v).</summary>
    internal float Score(int u, int v, int w) =>
        TryTrigram(u, v, w, out var p) ? p : ContextBackoff(u, v) + BigramScore(v, w);

    /// <summary>log P(w | u v) when the trigram is stored.</summary>
    internal bool TryTrigram(int u, int v, int w, out float logProbability) =>
        TryTrigramAt(FindBigram(BigramKey(u, v)), w, out logProbability);

    /// <summary>log P(w | context) when the trigram is stored; <paramref name="contextSlot"/> from <see cref="ContextSlot"/>.</summary>
    internal bool TryTrigramAt(int contextSlot, int w, out float logProbability)
    {
        if (contextSlot >= 0)
        {
            var count = biTriCount[contextSlot];
            if (count > 0)
            {
                var at = triWords.AsSpan(biTriStart[contextSlot], count).BinarySearch((ushort)w);
                if (at >= 0)
                {
                    logProbability = triProbTable[triValues[biTriStart[contextSlot] + at]];
                    return true;
                }
            }
        }

        logProbability = 0;
        return false;
    }

    /// <summary>The slot of the trigram context u v (−1 when u v is not a stored bigram) and its backoff weight (0 then).</summary>
    internal int ContextSlot(int u, int v, out float backoff)
    {
        var slot = FindBigram(BigramKey(u, v));
        backoff = slot >= 0 ? biBackoffTable[biValues[slot] >> 8] : 0f;
        return slot;
    }

    /// <summary>log P(w | v), the bigram level.</summary>
    internal float BigramScore(int v, int w)
    {
        var slot = FindBigram(BigramKey(v, w));
        return slot >= 0 ? biProbTable[biValues[slot] & 0xFF] : unigramBackoff[v] + unigram[w];
    }

    /// <summary>The backoff weight of the trigram context u v (0 when the context was never seen).</summary>
    internal float ContextBackoff(int u, int v)
    {
        var slot = FindBigram(BigramKey(u, v));
        return slot >= 0 ? biBackoffTable[biValues[slot] >> 8] : 0f;
    }

    internal static uint BigramKey(int v, int w) => ((uint)v << 16) | (uint)w;

    internal static ulong TrigramKey(int u, int v, int w) => ((ulong)u << 32) | ((ulong)v << 16) | (uint)w;

    private int FindBigram(uint key)
    {
        var mask = biSlots.Length - 1;
        var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> biShift);
        while (true)
        {
            var k = biSlots[slot];
            if (k == key)
            {
                return slot;
            }

            if (k == uint.MaxValue)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    private static (TKey[] Keys, TValue[] Values) Sorted<TKey, TValue>(TKey[] slots, TValue[] values, TKey empty)
        where TKey : IEquatable<TKey>
    {
        var order = SortedSlots(slots, empty);
        var keys = new TKey[order.Length];
        var kept = new TValue[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            keys[i] = slots[order[i]];
            kept[i] = values[order[i]];
        }

        return (keys, kept);
    }

    // The occupied slots of a hash table in the order of their keys.
    private static int[] SortedSlots<TKey>(TKey[] slots, TKey empty)
        where TKey : IEquatable<TKey>
    {
        var count = 0;
        foreach (var key in slots)
        {
            count += key.Equals(empty) ? 0 : 1;
        }

        var keys = new TKey[count];
        var order = new int[count];
        var n = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            if (!slots[i].Equals(empty))
            {
                keys[n] = slots[i];
                order[n++] = i;
            }
        }

        Array.Sort(keys, order);
        return order;
    }

    private static (T[] Slots, int Shift) NewTable<T>(int count, T empty)
    {
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, count * 3 / 2)) + 1);
        var slots = new T[1 << bits];
        Array.Fill(slots, empty);
        return (slots, 64 - bits);
    }
}

/// <summary>Uniform 8-bit quantisation of log-probabilities over [Low, High].</summary>
internal readonly record struct Quantizer(float Low, float High)
{
    public static Quantizer For(ReadOnlySpan<float> values, float floor)
    {
        var low = float.MaxValue;
        var high = float.MinValue;
        foreach (var v in values)
        {
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }

        if (values.IsEmpty)
        {
            return new Quantizer(0, 1);
        }

        low = Math.Max(low, floor);
        return new Quantizer(low, Math.Max(high, low + 1e-3f));
    }

    public byte Encode(float value)
    {
        var q = MathF.Round((Math.Clamp(value, Low, High) - Low) / (High - Low) * 255f);
        return (byte)q;
    }

    public float[] Table()
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = Low + ((High - Low) * i / 255f);
        }

        return table;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Low);
        writer.Write(High);
    }

    public static Quantizer Read(ref SpanReader reader)
    {
        var low = reader.ReadSingle();
        var high = reader.ReadSingle();
        if (!float.IsFinite(low) || !float.IsFinite(high) || high <= low)
        {
            throw new InvalidDataException("syllable model has a bad quantiser range");
        }

        return new Quantizer(low, high);
    }
}

/// <summary>Reads what a <see cref="BinaryWriter"/> wrote from memory; running past the end is <see cref="EndOfStreamException"/>.</summary>
internal ref struct SpanReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public readonly bool AtEnd => position == data.Length;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public byte ReadByte() => position < data.Length ? data[position++] : throw new EndOfStreamException();

    public int ReadInt32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public float ReadSingle() => System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>A non-negative 32-bit count.</summary>
    public int ReadCount()
    {
        var count = ReadInt32();
        return count >= 0 && count <= data.Length - position ? count : throw new InvalidDataException($"bad count {count}");
    }

    public byte[] ReadBytes(int count) => Take(count).ToArray();

    public string ReadString()
    {
        var length = (int)Read7BitEncodedUInt64();
        return length >= 0 ? System.Text.Encoding.UTF8.GetString(Take(length)) : throw new InvalidDataException("bad string length");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public ulong Read7BitEncodedUInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new FormatException("bad 7-bit encoded number");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(data.Length - position))
        {
            throw new EndOfStreamException();
        }

        var span = data.Slice(position, count);
        position += count;
        return span;
    }
}
