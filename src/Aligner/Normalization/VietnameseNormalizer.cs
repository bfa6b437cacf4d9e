namespace Aligner.Normalization;

/// <summary>
/// The Vietnamese normalised view: legacy encodings (TCVN3, VNI) converted to Unicode, then NFC, odd spaces turned
/// into U+0020 and invisible characters removed (<see cref="NormalizedText"/>), then tone marks placed in one style.
/// The result keeps a map from every normalised character back to the original text.
/// </summary>
/// <remarks>Immutable and thread-safe. Newlines, letter case and everything else are kept.</remarks>
/// <example>
/// <code>
/// var normalizer = new VietnameseNormalizer(VietnameseNormalizerOptions.Default with { ToneStyle = ToneMarkStyle.Old });
/// normalizer.Normalize("Hoà\u00A0bình, THUỶ").Text;   // "Hòa bình, THỦY"
/// normalizer.Normalize("Vieät Nam").Text;              // "Việt Nam" (VNI)
/// </code>
/// </example>
public sealed class VietnameseNormalizer
{
    /// <summary>Creates a normaliser with the given options (<see cref="VietnameseNormalizerOptions.Default"/> when null).</summary>
    public VietnameseNormalizer(VietnameseNormalizerOptions? options = null)
    {
        Options = options ?? VietnameseNormalizerOptions.Default;
        if (Options.ToneStyle is { } style && !Enum.IsDefined(style))
        {
            throw new ArgumentOutOfRangeException(nameof(options), style, "Unknown tone mark style.");
        }
    }

    /// <summary>A normaliser with the default options.</summary>
    public static VietnameseNormalizer Default { get; } = new();

    /// <summary>The options this normaliser was built with.</summary>
    public VietnameseNormalizerOptions Options { get; }

    /// <summary>Builds the normalised view of <paramref name="original"/>; empty text gives an empty view.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="original"/> is null.</exception>
    public NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var encoding = Options.ConvertLegacyEncodings ? LegacyEncoding.Detect(original) : VietnameseLegacyEncoding.None;
        int[]? origins = null;
        var source = original;
        if (encoding != VietnameseLegacyEncoding.None)
        {
            source = LegacyEncoding.ToUnicode(original, encoding, out origins);
        }

        var view = NormalizedText.Create(source);
        var text = view.Text;
        if (Options.ToneStyle is { } style)
        {
            text = PlaceToneMarks(text, style);
        }

        if (origins is null)
        {
            return ReferenceEquals(text, view.Text) ? view : NormalizedText.FromParts(original, text, view.Starts, view.Ends);
        }

        // Compose the two maps: normalised → converted → original.
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var s = view.Starts is null ? i : view.Starts[i];
            var e = view.Ends is null ? i + 1 : view.Ends[i];
            starts[i] = origins[s];
            ends[i] = origins[e];
        }

        return NormalizedText.FromParts(original, text, starts, ends);
    }

    /// <summary>
    /// Moves tone marks in open <c>oa</c>, <c>oe</c>, <c>uy</c> syllables to where <paramref name="style"/> puts them,
    /// in any letter case; everything else is unchanged and the length is the same. Expects NFC text.
    /// </summary>
    /// <example><c>PlaceToneMarks("HÒA thủy quý", ToneMarkStyle.New)</c> ⇒ <c>"HOÀ thuỷ quý"</c>.</example>
    /// <returns>The same string instance when nothing changes.</returns>
    public static string PlaceToneMarks(string text, ToneMarkStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? buffer = null;
        Span<char> scratch = stackalloc char[7];
        foreach (var (start, end) in LetterRuns.Of(text))
        {
            var length = end - start;
            if (length < 2 || length > 7 || !text.AsSpan(start, length).ContainsAnyExceptInRange('\u0000', '\u00BF'))
            {
                continue;
            }

            var word = scratch[..length];
            text.AsSpan(start, length).CopyTo(word);
            if (VietnameseLetters.PlaceTone(word, style))
            {
                buffer ??= text.ToCharArray();
                word.CopyTo(buffer.AsSpan(start));
            }
        }

        return buffer is null ? text : new string(buffer);
    }
}
