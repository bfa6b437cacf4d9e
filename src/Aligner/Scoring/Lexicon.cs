using Aligner.Input;


namespace Aligner.Scoring;

/// <summary>
/// A bilingual lexicon: for each English word (stemmed, see <see cref="Tokenization.LexicalTokenizer"/>) its likely
/// Vietnamese units (syllables and syllable pairs), and for each Vietnamese unit its likely English words, with
/// translation probabilities. Trained by <c>Lexicon.Train</c> (<see cref="Training.TrainingExtensions"/>); the default ships embedded.
/// </summary>
/// <remarks>Immutable and thread-safe. Stored as a gzip-compressed binary file.</remarks>
public sealed class Lexicon
{
    private const int Magic = 0x31584C41; // "ALX1"
    private const int MagicWithChance = 0x32584C41; // "ALX2": ALX1 followed by the chance rates of both vocabularies

    // A chance rate q is stored as the byte round(−12 ln q): steps of 1/12 nat (8 %), down to q ≈ 6e-10.
    private const double ChanceStepsPerNat = 12;

    private static readonly Lazy<Lexicon> DefaultLexicon = new(LoadDefault);

    private readonly string[] englishWords;
    private readonly string[] vietnameseUnits;
    private readonly Dictionary<string, int> englishIds;
    private readonly Dictionary<string, int> vietnameseIds;
    private readonly Translation[][] englishToVietnamese;
    private readonly Translation[][] vietnameseToEnglish;
    private readonly float[]? englishChance;
    private readonly float[]? vietnameseChance;

    /// <summary>Creates a lexicon from its vocabularies and translation lists (each list sorted by falling probability).</summary>
    /// <param name="englishWords">The English vocabulary.</param>
    /// <param name="vietnameseUnits">The Vietnamese vocabulary.</param>
    /// <param name="englishToVietnamese">For each English word, its translations.</param>
    /// <param name="vietnameseToEnglish">For each Vietnamese unit, its translations.</param>
    /// <param name="trainedOn">A note of the corpora.</param>
    /// <param name="englishChance">
    /// For each English word, the chance that a Vietnamese word position of unrelated text holds one of its
    /// translations (see <see cref="EnglishChance"/>); null when unknown (both or neither).
    /// </param>
    /// <param name="vietnameseChance">The same for each Vietnamese unit, against English word positions.</param>
    internal Lexicon(string[] englishWords, string[] vietnameseUnits, Translation[][] englishToVietnamese, Translation[][] vietnameseToEnglish, string trainedOn = "", float[]? englishChance = null, float[]? vietnameseChance = null)
    {
        ArgumentNullException.ThrowIfNull(englishWords);
        ArgumentNullException.ThrowIfNull(vietnameseUnits);
        ArgumentNullException.ThrowIfNull(englishToVietnamese);
        ArgumentNullException.ThrowIfNull(vietnameseToEnglish);
        if (englishToVietnamese.Length != englishWords.Length || vietnameseToEnglish.Length != vietnameseUnits.Length)
        {
            throw new ArgumentException("Each vocabulary needs exactly one translation list per entry.");
        }

        if ((englishChance is null) != (vietnameseChance is null)
            || (englishChance is not null && (englishChance.Length != englishWords.Length || vietnameseChance!.Length != vietnameseUnits.Length)))
        {
            throw new ArgumentException("Chance rates are needed for both vocabularies, one per entry, or for neither.");
        }

        if ((englishChance is not null && !englishChance.All(q => q is > 0 and < 1)) || (vietnameseChance is not null && !vietnameseChance.All(q => q is > 0 and < 1)))
        {
            throw new ArgumentException("Chance rates must be strictly between 0 and 1.");
        }

        this.englishChance = englishChance;
        this.vietnameseChance = vietnameseChance;

        this.englishWords = englishWords;
        this.vietnameseUnits = vietnameseUnits;
        this.englishToVietnamese = englishToVietnamese;
        this.vietnameseToEnglish = vietnameseToEnglish;
        englishIds = Index(englishWords);
        vietnameseIds = Index(vietnameseUnits);
        TrainedOn = trainedOn;
    }

    /// <summary>The embedded default lexicon (see NOTICE.md for its sources).</summary>
    public static Lexicon Default => DefaultLexicon.Value;

    /// <summary>A lexicon without entries: lexical features are then all zero.</summary>
    public static Lexicon Empty { get; } = new([], [], [], []);

    /// <summary>Number of English words.</summary>
    public int EnglishCount => englishWords.Length;

    /// <summary>Number of Vietnamese units.</summary>
    public int VietnameseCount => vietnameseUnits.Length;

    /// <summary>Where the lexicon came from.</summary>
    public string TrainedOn { get; }

    /// <summary>The id of an English word (already stemmed), or −1.</summary>
    internal int EnglishId(string word) => englishIds.GetValueOrDefault(word, -1);

    /// <summary>The id of a Vietnamese unit (a syllable or two joined by <c>'_'</c>), or −1.</summary>
    internal int VietnameseId(string unit) => vietnameseIds.GetValueOrDefault(unit, -1);

    /// <summary>The English word with this id.</summary>
    internal string EnglishWord(int id) => englishWords[id];

    /// <summary>The Vietnamese unit with this id.</summary>
    internal string VietnameseUnit(int id) => vietnameseUnits[id];

    /// <summary>Whether the lexicon holds per-word chance rates (<see cref="EnglishChance"/>, <see cref="VietnameseChance"/>).</summary>
    internal bool HasChanceRates => englishChance is not null;

    /// <summary>
    /// The chance that a Vietnamese word position of unrelated text holds a translation (p ≥ 0.05) of this English
    /// word, estimated from the training corpora: high for function words ("have" → "có"), low for content words.
    /// </summary>
    /// <exception cref="InvalidOperationException">The lexicon has no chance rates.</exception>
    internal double EnglishChance(int id) => (englishChance ?? throw new InvalidOperationException("The lexicon has no chance rates."))[id];

    /// <summary>The chance that an English word position of unrelated text holds a translation of this Vietnamese unit.</summary>
    /// <exception cref="InvalidOperationException">The lexicon has no chance rates.</exception>
    internal double VietnameseChance(int id) => (vietnameseChance ?? throw new InvalidOperationException("The lexicon has no chance rates."))[id];

    /// <summary>This lexicon with per-word chance rates (see <see cref="EnglishChance"/>).</summary>
    internal Lexicon WithChanceRates(float[] english, float[] vietnamese) =>
        new(englishWords, vietnameseUnits, englishToVietnamese, vietnameseToEnglish, TrainedOn, english, vietnamese);

    /// <summary>A probability as the lexicon file stores it (steps of 1/255, at least 1/255).</summary>
    internal static float Quantize(float probability) => Math.Clamp((int)Math.Round(probability * 255), 1, 255) / 255f;

    /// <summary>Likely Vietnamese translations of an English word, most likely first.</summary>
    internal ReadOnlySpan<Translation> TranslationsOfEnglish(int id) => englishToVietnamese[id];

    /// <summary>Likely English translations of a Vietnamese unit, most likely first.</summary>
    internal ReadOnlySpan<Translation> TranslationsOfVietnamese(int id) => vietnameseToEnglish[id];

    /// <summary>
    /// This lexicon with the translations of <paramref name="extra"/> added: the union of both vocabularies, each
    /// word's translations from both, most likely first, at most <paramref name="maximumTranslations"/>.
    /// </summary>
    public Lexicon Merge(Lexicon extra, int maximumTranslations = 8)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var english = new List<string>(englishWords);
        var vietnamese = new List<string>(vietnameseUnits);
        var englishMap = Extend(english, englishIds, extra.englishWords);
        var vietnameseMap = Extend(vietnamese, vietnameseIds, extra.vietnameseUnits);
        var toVietnamese = Combine(englishToVietnamese, english.Count, extra.englishToVietnamese, englishMap, vietnameseMap, maximumTranslations);
        var toEnglish = Combine(vietnameseToEnglish, vietnamese.Count, extra.vietnameseToEnglish, vietnameseMap, englishMap, maximumTranslations);
        return new Lexicon(
            [.. english], [.. vietnamese], toVietnamese, toEnglish, $"{TrainedOn} + {extra.TrainedOn}",
            ExtendChance(englishChance, english.Count), ExtendChance(vietnameseChance, vietnamese.Count));
    }

    // Words new to the lexicon get the median chance rate of the old ones.
    private static float[]? ExtendChance(float[]? rates, int count)
    {
        if (rates is null)
        {
            return null;
        }

        var result = new float[count];
        rates.CopyTo(result, 0);
        if (count > rates.Length)
        {
            var sorted = rates.Order().ToArray();
            var median = sorted.Length == 0 ? 1e-3f : sorted[sorted.Length / 2];
            result.AsSpan(rates.Length).Fill(median);
        }

        return result;
    }

    private static int[] Extend(List<string> words, Dictionary<string, int> ids, string[] more)
    {
        var map = new int[more.Length];
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < more.Length; k++)
        {
            if (ids.TryGetValue(more[k], out var id) || added.TryGetValue(more[k], out id))
            {
                map[k] = id;
                continue;
            }

            map[k] = words.Count;
            added[more[k]] = words.Count;
            words.Add(more[k]);
        }

        return map;
    }

    private static Translation[][] Combine(Translation[][] lists, int count, Translation[][] more, int[] sourceMap, int[] targetMap, int maximum)
    {
        var result = new Translation[count][];
        lists.CopyTo(result, 0);
        for (var k = lists.Length; k < count; k++)
        {
            result[k] = [];
        }

        for (var k = 0; k < more.Length; k++)
        {
            if (more[k].Length == 0)
            {
                continue;
            }

            var source = sourceMap[k];
            var merged = new Dictionary<int, float>();
            foreach (var tr in result[source])
            {
                merged[tr.Target] = tr.Probability;
            }

            foreach (var tr in more[k])
            {
                var target = targetMap[tr.Target];
                merged[target] = Math.Max(merged.GetValueOrDefault(target), tr.Probability);
            }

            result[source] = [.. merged.Select(p => new Translation(p.Key, p.Value)).OrderByDescending(t => t.Probability).ThenBy(t => t.Target).Take(maximum)];
        }

        return result;
    }

    /// <summary>Reads a lexicon written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a lexicon.</exception>
    public static Lexicon Load(Stream stream) => ModelFile.Read(stream, "lexicon file", reader =>
    {
        var magic = reader.ReadInt32();
        if (magic is not (Magic or MagicWithChance))
        {
            throw new InvalidDataException("not a lexicon file (bad header)");
        }

        var trainedOn = reader.ReadString();
        var english = ReadStrings(reader);
        var vietnamese = ReadStrings(reader);
        var toVietnamese = ReadLists(reader, english.Length, vietnamese.Length);
        var toEnglish = ReadLists(reader, vietnamese.Length, english.Length);
        if (magic == Magic)
        {
            return new Lexicon(english, vietnamese, toVietnamese, toEnglish, trainedOn);
        }

        var englishRates = ReadChance(reader, english.Length);
        var vietnameseRates = ReadChance(reader, vietnamese.Length);
        return new Lexicon(english, vietnamese, toVietnamese, toEnglish, trainedOn, englishRates, vietnameseRates);
    });

    /// <summary>Writes the lexicon (gzip-compressed binary).</summary>
    public void Save(Stream stream) => ModelFile.Write(stream, writer =>
    {
        writer.Write(HasChanceRates ? MagicWithChance : Magic);
        writer.Write(TrainedOn);
        WriteStrings(writer, englishWords);
        WriteStrings(writer, vietnameseUnits);
        WriteLists(writer, englishToVietnamese);
        WriteLists(writer, vietnameseToEnglish);
        if (HasChanceRates)
        {
            WriteChance(writer, englishChance!);
            WriteChance(writer, vietnameseChance!);
        }
    });

    /// <summary>A chance rate as the lexicon file stores it (see <see cref="ChanceStepsPerNat"/>).</summary>
    internal static float QuantizeChance(double rate) => (float)Math.Exp(-ChanceByte(rate) / ChanceStepsPerNat);

    private static byte ChanceByte(double rate) => (byte)Math.Clamp((int)Math.Round(-Math.Log(rate) * ChanceStepsPerNat), 1, 255);

    private static float[] ReadChance(BinaryReader reader, int count)
    {
        var rates = new float[count];
        var bytes = reader.ReadBytes(count);
        if (bytes.Length != count)
        {
            throw new EndOfStreamException("the chance rates end early");
        }

        for (var i = 0; i < count; i++)
        {
            rates[i] = (float)Math.Exp(-Math.Max(bytes[i], (byte)1) / ChanceStepsPerNat);
        }

        return rates;
    }

    private static void WriteChance(BinaryWriter writer, float[] rates)
    {
        foreach (var q in rates)
        {
            writer.Write(ChanceByte(q));
        }
    }

    private static Dictionary<string, int> Index(string[] words)
    {
        var index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            index[words[i]] = i;
        }

        return index;
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > 10_000_000)
        {
            throw new InvalidDataException($"not a lexicon file (vocabulary of {count} entries)");
        }

        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = reader.ReadString();
        }

        return result;
    }

    private static void WriteStrings(BinaryWriter writer, string[] strings)
    {
        writer.Write(strings.Length);
        foreach (var s in strings)
        {
            writer.Write(s);
        }
    }

    // Each list: a count byte, then (target id, probability quantised to 1/255) pairs.
    private static Translation[][] ReadLists(BinaryReader reader, int count, int targets)
    {
        var lists = new Translation[count][];
        for (var i = 0; i < count; i++)
        {
            var n = reader.ReadByte();
            var list = new Translation[n];
            for (var k = 0; k < n; k++)
            {
                var target = reader.Read7BitEncodedInt();
                if (target < 0 || target >= targets)
                {
                    throw new InvalidDataException($"not a lexicon file (translation target {target} out of range)");
                }

                list[k] = new Translation(target, reader.ReadByte() / 255f);
            }

            lists[i] = list;
        }

        return lists;
    }

    private static void WriteLists(BinaryWriter writer, Translation[][] lists)
    {
        foreach (var list in lists)
        {
            var n = Math.Min(list.Length, 255);
            writer.Write((byte)n);
            for (var k = 0; k < n; k++)
            {
                writer.Write7BitEncodedInt(list[k].Target);
                writer.Write((byte)Math.Clamp((int)Math.Round(list[k].Probability * 255), 1, 255));
            }
        }
    }

    private static Lexicon LoadDefault() => ModelFile.LoadEmbedded("Aligner.Models.lexicon.bin", Load);
}

/// <summary>A translation candidate: the id of a word in the other language's vocabulary and its probability.</summary>
/// <param name="Target">Id in the other language's vocabulary.</param>
/// <param name="Probability">Translation probability (IBM Model 1).</param>
internal readonly record struct Translation(int Target, float Probability);
