using System.Collections.Frozen;
using System.Numerics;
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
    private const int Version = 2;

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
    private readonly int trigramCount;
    private readonly Quantizer bigramProbQ;
    private readonly Quantizer bigramBackoffQ;
    private readonly Quantizer trigramProbQ;
    private readonly byte[] candidateFlags;
    private readonly float[] capitalBonus;

    private readonly uint[] biSlots;
    private readonly ushort[] biValues; // probability byte | backoff byte << 8
    private readonly int biShift;
    private readonly ulong[] triSlots;
    private readonly byte[] triValues;
    private readonly int triShift;
    private readonly float[] biProbTable;
    private readonly float[] biBackoffTable;
    private readonly float[] triProbTable;

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
        ulong[] trigramKeys,
        byte[] trigramProb,
        Quantizer trigramProbQ)
    {
        this.vocabulary = vocabulary;
        this.unigram = unigram;
        this.unigramBackoff = unigramBackoff;
        this.candidateFlags = candidateFlags;
        this.capitalBonus = capitalBonus;
        bigramCount = bigramKeys.Length;
        trigramCount = trigramKeys.Length;
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

        biProbTable = bigramProbQ.Table();
        biBackoffTable = bigramBackoffQ.Table();
        triProbTable = trigramProbQ.Table();

        (biSlots, biShift) = NewTable<uint>(bigramKeys.Length, uint.MaxValue);
        biValues = new ushort[biSlots.Length];
        var mask = biSlots.Length - 1;
        for (var i = 0; i < bigramKeys.Length; i++)
        {
            var slot = (int)((bigramKeys[i] * 0x9E3779B97F4A7C15UL) >> biShift);
            while (biSlots[slot] != uint.MaxValue)
            {
                slot = (slot + 1) & mask;
            }

            biSlots[slot] = bigramKeys[i];
            biValues[slot] = (ushort)(bigramProb[i] | (bigramBackoff[i] << 8));
        }

        (triSlots, triShift) = NewTable<ulong>(trigramKeys.Length, ulong.MaxValue);
        triValues = new byte[triSlots.Length];
        mask = triSlots.Length - 1;
        for (var i = 0; i < trigramKeys.Length; i++)
        {
            var slot = (int)((trigramKeys[i] * 0x9E3779B97F4A7C15UL) >> triShift);
            while (triSlots[slot] != ulong.MaxValue)
            {
                slot = (slot + 1) & mask;
            }

            triSlots[slot] = trigramKeys[i];
            triValues[slot] = trigramProb[i];
        }
    }

    /// <summary>Number of entries in the vocabulary, including the five special tokens.</summary>
    public int VocabularySize => vocabulary.Length;

    /// <summary>Number of stored bigrams.</summary>
    public int BigramCount => bigramCount;

    /// <summary>Number of stored trigrams.</summary>
    public int TrigramCount => trigramCount;

    /// <summary>Number of unaccented syllables (folded, lower case) that have accented candidates.</summary>
    public int KeyCount => candidates.Count;

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stream is not a syllable model of this version.</exception>
    public static SyllableLanguageModel Load(Stream stream) => ModelFile.Read(stream, "syllable model", reader =>
    {
        ModelFile.ReadHeader(reader, Magic, "syllable model", Version, Version);
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

        var biProbQ = Quantizer.Read(reader);
        var biBackQ = Quantizer.Read(reader);
        var biCount = reader.ReadInt32();
        var biKeys = new uint[biCount];
        uint previous = 0;
        for (var i = 0; i < biCount; i++)
        {
            previous += (uint)reader.Read7BitEncodedInt64();
            biKeys[i] = previous;
        }

        var biProb = ModelFile.ReadExactly(reader, biCount);
        var biBack = ModelFile.ReadExactly(reader, biCount);

        var triQ = Quantizer.Read(reader);
        var triCount = reader.ReadInt32();
        var triKeys = new ulong[triCount];
        ulong last = 0;
        for (var i = 0; i < triCount; i++)
        {
            last += (ulong)reader.Read7BitEncodedInt64();
            triKeys[i] = last;
        }

        var triProb = ModelFile.ReadExactly(reader, triCount);

        return new SyllableLanguageModel(vocabulary, unigram, backoff, flags, capital, biKeys, biProb, biBack, biProbQ, biBackQ, triKeys, triProb, triQ);
    });

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
        var (trigramKeys, trigramValues) = Sorted(triSlots, triValues, ulong.MaxValue);
        writer.Write(trigramKeys.Length);
        ulong last = 0;
        foreach (var key in trigramKeys)
        {
            writer.Write7BitEncodedInt64((long)(key - last));
            last = key;
        }

        writer.Write(trigramValues);
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
    internal bool TryTrigram(int u, int v, int w, out float logProbability)
    {
        var tri = TrigramKey(u, v, w);
        var mask = triSlots.Length - 1;
        var slot = (int)((tri * 0x9E3779B97F4A7C15UL) >> triShift);
        while (true)
        {
            var k = triSlots[slot];
            if (k == tri)
            {
                logProbability = triProbTable[triValues[slot]];
                return true;
            }

            if (k == ulong.MaxValue)
            {
                logProbability = 0;
                return false;
            }

            slot = (slot + 1) & mask;
        }
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

    /// <summary>The backoff weight of the trigram context u v; false (and 0) when u v is not a stored bigram.</summary>
    internal bool TryContextBackoff(int u, int v, out float backoff)
    {
        var slot = FindBigram(BigramKey(u, v));
        backoff = slot >= 0 ? biBackoffTable[biValues[slot] >> 8] : 0f;
        return slot >= 0;
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
        var count = 0;
        foreach (var key in slots)
        {
            count += key.Equals(empty) ? 0 : 1;
        }

        var keys = new TKey[count];
        var kept = new TValue[count];
        var n = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            if (!slots[i].Equals(empty))
            {
                keys[n] = slots[i];
                kept[n++] = values[i];
            }
        }

        Array.Sort(keys, kept);
        return (keys, kept);
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

    public static Quantizer Read(BinaryReader reader)
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
