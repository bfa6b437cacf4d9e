using System.Collections.ObjectModel;
using Aligner.Segmentation;
using Aligner.Text;

namespace Aligner.Detection;

/// <summary>
/// Tells English from Vietnamese (with or without diacritics) in spans of text down to a few words, with a
/// calibrated confidence, and finds paragraphs that mix both languages.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe once created. A span is scored in one pass without allocation: its Latin words are
/// folded to lower-case letters without diacritics and scored with hashed character n-grams (with word boundaries)
/// and whole words under both languages (naive Bayes), capitalised words inside a sentence (likely names such as
/// <c>Pham Minh Chinh</c>) count less, and every word with a Vietnamese letter or tone mark adds its trained weight.
/// Text that neither language explains well (French, Indonesian, Tagalog), other scripts and text without letters
/// come out as <see cref="DetectedLanguage.Unknown"/> or with a low confidence.</para>
/// </remarks>
/// <example>
/// <code>
/// var detector = LanguageDetector.Default;
/// detector.Detect("Thu tuong Chinh phu Pham Minh Chinh tiep Tong Thu ky");   // vi, HasDiacritics false
/// detector.Detect("Prime Minister Pham Minh Chinh received the delegation"); // en
/// foreach (var paragraph in detector.DetectParagraphs(text)) { ... }
/// </code>
/// </example>
public sealed class LanguageDetector
{
    private static readonly Lazy<LanguageDetector> DefaultDetector = new(() => new LanguageDetector(LanguageModel.Default, LanguageDetectorOptions.Default));

    private LanguageDetector(LanguageModel model, LanguageDetectorOptions options)
    {
        Model = model;
        Options = options;
    }

    /// <summary>The detector with the embedded model and default options.</summary>
    public static LanguageDetector Default => DefaultDetector.Value;

    /// <summary>The model in use.</summary>
    internal LanguageModel Model { get; }

    /// <summary>The options in use.</summary>
    public LanguageDetectorOptions Options { get; }

    /// <summary>Creates a detector over <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    internal static LanguageDetector Create(LanguageModel model, LanguageDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= LanguageDetectorOptions.Default;
        options.Validate();
        return new LanguageDetector(model, options);
    }

    /// <summary>Reads a detector model written by <c>LanguageDetector.Train</c> (<see cref="Training.TrainingExtensions"/>, <c>aligner train-detector</c>).</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a valid model.</exception>
    public static LanguageDetector Load(Stream stream, LanguageDetectorOptions? options = null) => Create(LanguageModel.Load(stream), options);

    /// <summary>This detector's model with other options.</summary>
    public LanguageDetector WithOptions(LanguageDetectorOptions options) => Create(Model, options);

    /// <summary>Writes the detector's model (what <see cref="Load"/> reads).</summary>
    public void Save(Stream stream) => Model.Save(stream);

    /// <summary>The language of the whole of <paramref name="text"/>, without looking for mixed parts.</summary>
    /// <returns>A detection whose range is <c>[0, text.Length)</c>.</returns>
    /// <example><c>Detect("Hôm nay trời đẹp")</c> ⇒ vi, diacritics, confidence ≈ 1.</example>
    public LanguageDetection Detect(ReadOnlySpan<char> text) => Score(text, new TextRange(0, text.Length), out _);

    /// <summary>The language of the whole of <paramref name="text"/>, without looking for mixed parts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public LanguageDetection Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Detect(text.AsSpan());
    }

    /// <summary>The language of <paramref name="range"/> of <paramref name="text"/>, without looking for mixed parts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the text.</exception>
    public LanguageDetection Detect(ReadOnlySpan<char> text, TextRange range)
    {
        CheckRange(text, range);
        return Score(text[range.Start..range.End], range, out _);
    }

    /// <summary>
    /// The language of <paramref name="range"/> of <paramref name="text"/>; when its lines or sentences are confidently in
    /// both languages, the detection is mixed and <see cref="LanguageDetection.Parts"/> holds each run of one language.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the text.</exception>
    /// <example>
    /// <c>DetectMixed("Thu tuong tiep Tong Thu ky. Prime Minister received the Secretary-General.", ...)</c> ⇒ vi part, en part.
    /// </example>
    public LanguageDetection DetectMixed(ReadOnlySpan<char> text, TextRange range)
    {
        CheckRange(text, range);
        var whole = Score(text[range.Start..range.End], range, out _);
        var pieces = Pieces(text, range);
        if (pieces.Count < 2)
        {
            return whole;
        }

        // Label every piece; a piece too short or unsure to count takes the language of the previous one that counts.
        var labels = new DetectedLanguage[pieces.Count];
        var decisive = new bool[pieces.Count];
        var seen = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var detection = Score(pieces[i].Slice(text), pieces[i], out var words);
            if (detection.Language != DetectedLanguage.Unknown && detection.Confidence >= Options.MinimumPartConfidence && words >= Options.MinimumPartWords)
            {
                labels[i] = detection.Language;
                decisive[i] = true;
                seen |= 1 << (int)detection.Language;
            }
        }

        if (seen != ((1 << (int)DetectedLanguage.English) | (1 << (int)DetectedLanguage.Vietnamese)))
        {
            return whole;
        }

        var previous = DetectedLanguage.Unknown;
        for (var i = 0; i < pieces.Count; i++)
        {
            if (decisive[i])
            {
                previous = labels[i];
            }
            else if (previous != DetectedLanguage.Unknown)
            {
                labels[i] = previous;
            }
        }

        // Leading pieces before the first decisive one join it.
        var first = Array.IndexOf(decisive, true);
        for (var i = 0; i < first; i++)
        {
            labels[i] = labels[first];
        }

        var parts = new List<LanguageDetection>();
        var runStart = 0;
        for (var i = 1; i <= pieces.Count; i++)
        {
            if (i == pieces.Count || labels[i] != labels[runStart])
            {
                var partRange = new TextRange(pieces[runStart].Start, pieces[i - 1].End);
                parts.Add(Score(partRange.Slice(text), partRange, out _));
                runStart = i;
            }
        }

        var main = parts[0];
        foreach (var part in parts)
        {
            if (part.Range.Length > main.Range.Length)
            {
                main = part;
            }
        }

        return new LanguageDetection(range, main.Language, main.HasDiacritics, main.Confidence, parts.AsReadOnly());
    }

    /// <summary>
    /// Labels every paragraph of <paramref name="text"/>: a block of non-blank lines between blank lines (a caption
    /// followed by its translation is one block). <c>aligner detect</c> does this.
    /// </summary>
    /// <param name="text">The text; ranges point into it.</param>
    /// <param name="cancellationToken">Checked between paragraphs.</param>
    /// <returns>One detection per paragraph, in order; mixed paragraphs carry their parts when <see cref="LanguageDetectorOptions.FindMixedParts"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public IReadOnlyList<LanguageDetection> DetectParagraphs(string text, CancellationToken cancellationToken = default) =>
        DetectAll(text, DetectionUnit.Paragraph, cancellationToken).AsReadOnly();

    /// <summary>
    /// Labels every non-blank line of <paramref name="text"/> on its own (the aligner's paragraphs).
    /// <c>aligner detect --unit line</c> does this.
    /// </summary>
    /// <param name="text">The text; ranges point into it.</param>
    /// <param name="cancellationToken">Checked between lines.</param>
    /// <returns>One detection per non-blank line, in order; mixed lines carry their parts when <see cref="LanguageDetectorOptions.FindMixedParts"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public IReadOnlyList<LanguageDetection> DetectLines(string text, CancellationToken cancellationToken = default) =>
        DetectAll(text, DetectionUnit.Line, cancellationToken).AsReadOnly();

    /// <summary><see cref="DetectParagraphs"/> or <see cref="DetectLines"/>, as <paramref name="unit"/> says (the CLI's <c>--unit</c>).</summary>
    internal List<LanguageDetection> DetectAll(string text, DetectionUnit unit = DetectionUnit.Paragraph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = unit == DetectionUnit.Line ? ParagraphSplitter.Split(text) : Blocks(text);
        var result = new List<LanguageDetection>(units.Count);
        foreach (var range in units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(Options.FindMixedParts ? DetectMixed(text, range) : Detect(text, range));
        }

        return result;
    }

    /// <summary>
    /// The language most of <paramref name="text"/> is written in: English or Vietnamese when the lines the detector
    /// is sure of (confidence 0.9 or more) in that language hold at least two thirds of the letters of all sure
    /// lines, and those lines hold at least a fifth of the text's letters; otherwise unknown.
    /// </summary>
    /// <example><c>Dominant("Hà Nội khai trương tuyến metro.\nA caption.")</c> ⇒ <c>DetectedLanguage.Vietnamese</c>.</example>
    public DetectedLanguage Dominant(string text, CancellationToken cancellationToken = default) => Survey(text, cancellationToken).Dominant;

    /// <summary>
    /// <see cref="Dominant"/>, and whether a line of <paramref name="text"/> reads as Vietnamese without its diacritics
    /// (the lines <c>DocumentPreparer</c> has restored, when the text is prepared as Vietnamese: it reads each line of
    /// the normalised text the same way), from one reading of each line.
    /// </summary>
    internal (DetectedLanguage Dominant, bool BareVietnamese) Survey(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        const double Sure = 0.9;
        long english = 0, vietnamese = 0, all = 0;
        var bare = false;
        foreach (var range in ParagraphSplitter.Split(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var letters = 0;
            foreach (var c in range.Slice(text))
            {
                letters += char.IsLetter(c) ? 1 : 0;
            }

            all += letters;
            var detection = Detect(text, range);
            bare |= detection.Language == DetectedLanguage.Vietnamese && !detection.HasDiacritics;
            if (detection.Confidence < Sure)
            {
                continue;
            }

            if (detection.Language == DetectedLanguage.English)
            {
                english += letters;
            }
            else if (detection.Language == DetectedLanguage.Vietnamese)
            {
                vietnamese += letters;
            }
        }

        var sure = english + vietnamese;
        var dominant = sure == 0 || sure * 5 < all ? DetectedLanguage.Unknown
            : english * 3 >= sure * 2 ? DetectedLanguage.English
            : vietnamese * 3 >= sure * 2 ? DetectedLanguage.Vietnamese
            : DetectedLanguage.Unknown;
        return (dominant, bare);
    }

    /// <summary>Blocks of non-blank lines separated by blank lines, trimmed.</summary>
    internal static List<TextRange> Blocks(ReadOnlySpan<char> text)
    {
        var lines = ParagraphSplitter.Split(text);
        var blocks = new List<TextRange>();
        for (var i = 0; i < lines.Count; i++)
        {
            var start = lines[i].Start;
            var end = lines[i].End;
            while (i + 1 < lines.Count && LineBreaks(text[end..lines[i + 1].Start]) < 2)
            {
                i++;
                end = lines[i].End;
            }

            blocks.Add(new TextRange(start, end));
        }

        return blocks;
    }

    private static int LineBreaks(ReadOnlySpan<char> gap)
    {
        var count = 0;
        for (var i = 0; i < gap.Length; i++)
        {
            if (gap[i] == '\n' || (gap[i] == '\r' && (i + 1 == gap.Length || gap[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    private static List<TextRange> Pieces(ReadOnlySpan<char> text, TextRange range)
    {
        var sentences = new List<Sentence>();
        foreach (var line in ParagraphSplitter.Split(range.Slice(text)))
        {
            SentenceSplitter.SplitParagraph(text, new TextRange(line.Start + range.Start, line.End + range.Start), 0, sentences);
        }

        var pieces = new List<TextRange>(sentences.Count);
        foreach (var sentence in sentences)
        {
            pieces.Add(sentence.Range);
        }

        return pieces;
    }

    private static void CheckRange(ReadOnlySpan<char> text, TextRange range)
    {
        if (range.Start < 0 || range.End > text.Length || range.Start > range.End)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "The range is not inside the text.");
        }
    }

    private LanguageDetection Score(ReadOnlySpan<char> span, TextRange range, out int words)
    {
        var score = SpanScore.Of(Model, span);
        words = score.Words;
        var (language, diacritics, confidence) = Decide(score, Model.Calibration, Options.MinimumConfidence);
        return new LanguageDetection(range, language, diacritics, confidence, ReadOnlyCollection<LanguageDetection>.Empty);
    }

    /// <summary>Turns the evidence of a span into a label, the diacritics flag and a calibrated confidence.</summary>
    internal static (DetectedLanguage Language, bool Diacritics, double Confidence) Decide(in SpanScore score, LanguageModelCalibration calibration, double minimum)
    {
        if (score.Letters == 0 || score.ForeignLetters >= score.Letters)
        {
            // No Latin letters, or mostly another script: not for us.
            var total = score.Letters + score.ForeignLetters;
            return (DetectedLanguage.Unknown, false, total == 0 ? 1.0 : score.ForeignLetters / (double)total);
        }

        var vietnamese = Sigmoid(score.LogOdds(calibration));
        var isVietnamese = vietnamese >= 0.5;
        var fit = score.Fit(isVietnamese, calibration);
        var inModel = Sigmoid((calibration.OutOfModelScale * fit) + calibration.OutOfModelBias);
        var latinShare = score.Letters / (double)(score.Letters + score.ForeignLetters);
        var probability = (isVietnamese ? vietnamese : 1 - vietnamese) * inModel * latinShare;
        // The flag tells whether the span is written with Vietnamese diacritics, also when its language stays unknown
        // (Vietnamese with many foreign names: "Lakkha Singh cũng trình bày chhappan bhog bhajan").
        var diacritics = score.DiacriticWords > 0 && score.DiacriticWords * 4 >= score.Words && (isVietnamese || probability < minimum);
        if (probability < minimum)
        {
            return (DetectedLanguage.Unknown, diacritics, 1 - probability);
        }

        return (isVietnamese ? DetectedLanguage.Vietnamese : DetectedLanguage.English, diacritics, probability);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
