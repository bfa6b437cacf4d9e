namespace Aligner.Normalization;

/// <summary>What <see cref="VietnameseNormalizer"/> does beyond NFC, spaces and invisible characters.</summary>
/// <example><c>VietnameseNormalizerOptions.Default with { ToneStyle = ToneMarkStyle.New }</c></example>
public sealed record VietnameseNormalizerOptions
{
    /// <summary>The defaults: tone marks left where they are, legacy encodings detected and converted.</summary>
    public static VietnameseNormalizerOptions Default { get; } = new();

    /// <summary>Where tone marks go in open <c>oa</c>/<c>oe</c>/<c>uy</c> syllables; null (the default) leaves them as written.</summary>
    public ToneMarkStyle? ToneStyle { get; init; }

    /// <summary>Detect TCVN3/ABC and VNI text read as Windows-1252 and convert it to Unicode. Default true.</summary>
    public bool ConvertLegacyEncodings { get; init; } = true;
}
