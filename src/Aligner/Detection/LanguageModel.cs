using Aligner.Input;


namespace Aligner.Detection;

/// <summary>
/// The statistics of the English/Vietnamese detector: hashed character n-gram and word log-probabilities of both
/// languages (text folded to lower case without diacritics), the weight of Vietnamese diacritics, and the
/// calibration of the confidence. Estimated by <see cref="Training.LanguageDetectorTrainer"/>; the default model
/// is embedded in the library.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Saved as a gzip-compressed binary file (about 200 KB for the default sizes: 1.3 MB of tables before compression).
/// Log-probabilities are stored as bytes: <c>q = round(−ln p · <see cref="Scale"/>)</c>, English then Vietnamese
/// for each bucket.
/// </remarks>
internal sealed class LanguageModel
{
    /// <summary>Bytes per nat in the stored log-probabilities.</summary>
    public const int Scale = 8;

    private const uint Magic = 0x44494C41; // "ALID"
    private const int Version = 3;

    private static readonly Lazy<LanguageModel> DefaultModel = new(LoadDefault);

    internal LanguageModel(int order, int ngramBits, int wordBits, byte[] ngrams, byte[] words, LanguageModelCalibration calibration, string trainedOn)
    {
        Order = order;
        NgramBits = ngramBits;
        WordBits = wordBits;
        Ngrams = ngrams;
        Words = words;
        Calibration = calibration;
        TrainedOn = trainedOn;
        byte englishFloor = 0, vietnameseFloor = 0;
        for (var i = 0; i < words.Length; i += 2)
        {
            englishFloor = Math.Max(englishFloor, words[i]);
            vietnameseFloor = Math.Max(vietnameseFloor, words[i + 1]);
        }

        // An English word within a nat of the smoothing floor was (almost) never seen in training; Vietnamese syllables form a
        // closed set, so one within three nats (seen a handful of times, as foreign names in Wikipedia are) is not Vietnamese.
        EnglishUnseenWord = englishFloor - Scale;
        VietnameseUnseenWord = vietnameseFloor - (3 * Scale);
    }

    /// <summary>The embedded default model (see NOTICE.md for its data).</summary>
    public static LanguageModel Default => DefaultModel.Value;

    /// <summary>The longest character n-gram.</summary>
    public int Order { get; }

    /// <summary>log2 of the number of n-gram buckets.</summary>
    public int NgramBits { get; }

    /// <summary>log2 of the number of word buckets.</summary>
    public int WordBits { get; }

    /// <summary>The numbers that turn scores into decisions and probabilities.</summary>
    public LanguageModelCalibration Calibration { get; }

    /// <summary>Where the statistics came from (corpora and sizes), for the record.</summary>
    public string TrainedOn { get; }

    /// <summary>Word costs at or above this were not seen in English training text.</summary>
    internal int EnglishUnseenWord { get; }

    /// <summary>Word costs at or above this were not seen in Vietnamese training text.</summary>
    internal int VietnameseUnseenWord { get; }

    /// <summary>Quantised −ln p of each n-gram bucket: English at 2·b, Vietnamese at 2·b + 1.</summary>
    internal byte[] Ngrams { get; }

    /// <summary>Quantised −ln p of each word bucket: English at 2·b, Vietnamese at 2·b + 1.</summary>
    internal byte[] Words { get; }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a valid model.</exception>
    public static LanguageModel Load(Stream stream) => ModelFile.Read(stream, "language detector model", reader =>
    {
        var version = ModelFile.ReadHeader(reader, Magic, "language detector model", 1, Version);
        var order = reader.ReadInt32();
        var ngramBits = reader.ReadInt32();
        var wordBits = reader.ReadInt32();
        if (order is < 1 or > 7 || ngramBits is < 8 or > 26 || wordBits is < 8 or > 26)
        {
            throw new InvalidDataException($"language detector model has invalid sizes (order {order}, bits {ngramBits}/{wordBits})");
        }

        var calibration = new LanguageModelCalibration
        {
            PlattSlope = reader.ReadDouble(),
            PlattIntercept = reader.ReadDouble(),
            CapitalWeight = reader.ReadDouble(),
            VietnameseOnlyDiacritic = reader.ReadDouble(),
            VietnameseSharedDiacritic = reader.ReadDouble(),
            EnglishUnseenWeight = reader.ReadDouble(),
            VietnameseUnseenWeight = reader.ReadDouble(),
            EnglishDiacriticPenalty = reader.ReadDouble(),
            OutOfModelScale = reader.ReadDouble(),
            OutOfModelBias = reader.ReadDouble(),
            ForeignDiacriticPenalty = reader.ReadDouble(),
        };
        if (version >= 2)
        {
            calibration = calibration with { WordClip = reader.ReadDouble() };
        }

        if (version >= 3)
        {
            calibration = calibration with
            {
                OpenerSlope = reader.ReadDouble(),
                CapitalSlope = reader.ReadDouble(),
                OpenerVietnameseOnlyDiacritic = reader.ReadDouble(),
                OpenerVietnameseSharedDiacritic = reader.ReadDouble(),
                CapitalVietnameseOnlyDiacritic = reader.ReadDouble(),
                CapitalVietnameseSharedDiacritic = reader.ReadDouble(),
            };
        }
        else
        {
            // Before version 3 one Platt slope scaled all the evidence, diacritic weights were in nats, and every kind of
            // word counted alike.
            var c = calibration;
            calibration = c with
            {
                OpenerSlope = c.PlattSlope,
                CapitalSlope = c.PlattSlope,
                OpenerVietnameseOnlyDiacritic = c.PlattSlope * c.VietnameseOnlyDiacritic,
                OpenerVietnameseSharedDiacritic = c.PlattSlope * c.VietnameseSharedDiacritic,
                VietnameseOnlyDiacritic = c.PlattSlope * c.VietnameseOnlyDiacritic,
                VietnameseSharedDiacritic = c.PlattSlope * c.VietnameseSharedDiacritic,
                CapitalVietnameseOnlyDiacritic = c.PlattSlope * c.VietnameseOnlyDiacritic,
                CapitalVietnameseSharedDiacritic = c.PlattSlope * c.VietnameseSharedDiacritic,
            };
        }

        if (!calibration.IsFinite())
        {
            throw new InvalidDataException("language detector model has a calibration weight that is not a finite number");
        }

        var trainedOn = reader.ReadString();
        var ngrams = ModelFile.ReadExactly(reader, 2 << ngramBits);
        var words = ModelFile.ReadExactly(reader, 2 << wordBits);
        return new LanguageModel(order, ngramBits, wordBits, ngrams, words, calibration, trainedOn);
    });

    /// <summary>Writes the model (gzip-compressed binary) to <paramref name="stream"/>.</summary>
    public void Save(Stream stream) => ModelFile.Write(stream, writer =>
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Order);
        writer.Write(NgramBits);
        writer.Write(WordBits);
        var c = Calibration;
        writer.Write(c.PlattSlope);
        writer.Write(c.PlattIntercept);
        writer.Write(c.CapitalWeight);
        writer.Write(c.VietnameseOnlyDiacritic);
        writer.Write(c.VietnameseSharedDiacritic);
        writer.Write(c.EnglishUnseenWeight);
        writer.Write(c.VietnameseUnseenWeight);
        writer.Write(c.EnglishDiacriticPenalty);
        writer.Write(c.OutOfModelScale);
        writer.Write(c.OutOfModelBias);
        writer.Write(c.ForeignDiacriticPenalty);
        writer.Write(c.WordClip);
        writer.Write(c.OpenerSlope);
        writer.Write(c.CapitalSlope);
        writer.Write(c.OpenerVietnameseOnlyDiacritic);
        writer.Write(c.OpenerVietnameseSharedDiacritic);
        writer.Write(c.CapitalVietnameseOnlyDiacritic);
        writer.Write(c.CapitalVietnameseSharedDiacritic);
        writer.Write(TrainedOn);
        writer.Write(Ngrams);
        writer.Write(Words);
    });

    /// <summary>Returns a copy of this model with another calibration.</summary>
    public LanguageModel WithCalibration(LanguageModelCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return new LanguageModel(Order, NgramBits, WordBits, Ngrams, Words, calibration, TrainedOn);
    }

    private static LanguageModel LoadDefault() => ModelFile.LoadEmbedded("Aligner.Models.detector.bin", Load);
}

/// <summary>
/// The numbers that turn the detector's scores into decisions and calibrated probabilities. Scores are in nats.
/// </summary>
/// <remarks>
/// <para>P(Vietnamese | English or Vietnamese) = σ(z), a logistic regression fitted on held-out training text. z adds
/// <see cref="PlattIntercept"/>, the log-likelihood ratios (Vietnamese over English, nats) of three kinds of words, each
/// times its slope: words in lower case (<see cref="PlattSlope"/>), capitalised words opening a sentence
/// (<see cref="OpenerSlope"/>: a word, or a name) and capitalised words inside a sentence (<see cref="CapitalSlope"/>:
/// likely names, weighted by <see cref="CapitalWeight"/>); and for each kind the number of its words with a
/// Vietnamese-only or a shared diacritic times that kind's weight (<see cref="VietnameseOnlyDiacritic"/>,
/// <see cref="OpenerVietnameseOnlyDiacritic"/>, <see cref="CapitalVietnameseOnlyDiacritic"/> and the shared ones).</para>
/// <para>P(English or Vietnamese) = σ(<see cref="OutOfModelScale"/> · d + <see cref="OutOfModelBias"/>), where d adds, for
/// every word written in lower case, 1 when the winning language has seen it in training and −<see cref="EnglishUnseenWeight"/>
/// or −<see cref="VietnameseUnseenWeight"/> when not, less <see cref="ForeignDiacriticPenalty"/> per word with a diacritic
/// neither language uses, and for English less <see cref="EnglishDiacriticPenalty"/> per lower-case word with a
/// Vietnamese (or French) diacritic.</para>
/// </remarks>
internal sealed record LanguageModelCalibration
{
    /// <summary>Log-odds per nat of the lower-case words' log-likelihood ratio.</summary>
    public double PlattSlope { get; init; } = 1;

    /// <summary>Log-odds per nat of the log-likelihood ratio of capitalised words that open a sentence.</summary>
    public double OpenerSlope { get; init; } = 1;

    /// <summary>Log-odds per nat of the (clipped) log-likelihood ratio of capitalised words inside a sentence (likely names).</summary>
    public double CapitalSlope { get; init; } = 1;

    /// <summary>Log-odds when there is no evidence either way.</summary>
    public double PlattIntercept { get; init; }

    /// <summary>Weight of a capitalised word that does not open a sentence (a likely name) when the text has lower-case words.</summary>
    public double CapitalWeight { get; init; } = 0.25;

    /// <summary>Log-odds added for each lower-case word with a letter or mark only Vietnamese uses (ơ, ư, đ, ạ, ả, ...).</summary>
    public double VietnameseOnlyDiacritic { get; init; }

    /// <summary>Log-odds added for each lower-case word with a diacritic letter Vietnamese shares with other languages (é, à, ô, ...).</summary>
    public double VietnameseSharedDiacritic { get; init; }

    /// <summary>Log-odds added for each capitalised word opening a sentence with a Vietnamese-only letter or mark (Được, Trần).</summary>
    public double OpenerVietnameseOnlyDiacritic { get; init; }

    /// <summary>Log-odds added for each capitalised word opening a sentence with a shared diacritic letter (Các, Jiménez).</summary>
    public double OpenerVietnameseSharedDiacritic { get; init; }

    /// <summary>Log-odds added for each capitalised word inside a sentence with a Vietnamese-only letter or mark (Đức, Thủy).</summary>
    public double CapitalVietnameseOnlyDiacritic { get; init; }

    /// <summary>Log-odds added for each capitalised word inside a sentence with a shared diacritic letter (Lâm, José).</summary>
    public double CapitalVietnameseSharedDiacritic { get; init; }

    /// <summary>Fit taken off for each lower-case word English training text never had (news has many; French most).</summary>
    public double EnglishUnseenWeight { get; init; } = 2;

    /// <summary>Fit taken off for each lower-case word that is not a Vietnamese syllable seen in training.</summary>
    public double VietnameseUnseenWeight { get; init; } = 4;

    /// <summary>Fit taken off English text for each lower-case word with a diacritic (<c>réunion</c>, <c>annoncé</c>).</summary>
    public double EnglishDiacriticPenalty { get; init; } = 3;

    /// <summary>Slope of the in-model log-odds per unit of fit.</summary>
    public double OutOfModelScale { get; init; } = 1;

    /// <summary>Log-odds that text is English or Vietnamese before looking at its fit.</summary>
    public double OutOfModelBias { get; init; } = 3;

    /// <summary>Fit taken off for each word with a diacritic neither language uses (ç, ñ, ü, ß, ...).</summary>
    public double ForeignDiacriticPenalty { get; init; } = 4;

    /// <summary>Log-odds of Vietnamese for the evidence <paramref name="x"/>, in the order of <c>SpanScore.Evidence</c>.</summary>
    internal double LogOdds(ReadOnlySpan<double> x) =>
        (PlattSlope * x[0]) + (OpenerSlope * x[1]) + (CapitalSlope * x[2])
        + (VietnameseOnlyDiacritic * x[3]) + (VietnameseSharedDiacritic * x[4])
        + (OpenerVietnameseOnlyDiacritic * x[5]) + (OpenerVietnameseSharedDiacritic * x[6])
        + (CapitalVietnameseOnlyDiacritic * x[7]) + (CapitalVietnameseSharedDiacritic * x[8]) + PlattIntercept;

    /// <summary>This calibration with the weights of a regression on <c>SpanScore.Evidence</c> (same order, then the intercept).</summary>
    internal LanguageModelCalibration WithEvidenceWeights(ReadOnlySpan<double> w) => this with
    {
        PlattSlope = w[0],
        OpenerSlope = w[1],
        CapitalSlope = w[2],
        VietnameseOnlyDiacritic = w[3],
        VietnameseSharedDiacritic = w[4],
        OpenerVietnameseOnlyDiacritic = w[5],
        OpenerVietnameseSharedDiacritic = w[6],
        CapitalVietnameseOnlyDiacritic = w[7],
        CapitalVietnameseSharedDiacritic = w[8],
        PlattIntercept = w[9],
    };

    /// <summary>
    /// The most evidence (log-likelihood ratio, nats) one capitalised word inside a sentence (a likely name) can give
    /// either way, chosen on held-out training text; positive infinity for none. Names travel between languages: the
    /// clip keeps <c>Nguyen Hong Phuc</c> in an English sentence from outweighing its ordinary English words.
    /// </summary>
    public double WordClip { get; init; } = double.PositiveInfinity;

    /// <summary>Whether every weight is a finite number (<see cref="WordClip"/> may be +∞: no clip).</summary>
    internal bool IsFinite()
    {
        ReadOnlySpan<double> values =
        [
            PlattSlope, OpenerSlope, CapitalSlope, PlattIntercept, CapitalWeight, VietnameseOnlyDiacritic, VietnameseSharedDiacritic,
            OpenerVietnameseOnlyDiacritic, OpenerVietnameseSharedDiacritic, CapitalVietnameseOnlyDiacritic, CapitalVietnameseSharedDiacritic,
            EnglishUnseenWeight, VietnameseUnseenWeight, EnglishDiacriticPenalty, OutOfModelScale, OutOfModelBias, ForeignDiacriticPenalty,
        ];
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return !double.IsNaN(WordClip);
    }
}
