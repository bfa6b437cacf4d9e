using Aligner.Text;

namespace Aligner.Detection;

/// <summary>
/// The language of one span of a text: where it is, which language, whether Vietnamese text carries its
/// diacritics, how sure the detector is, and, for a span that mixes both languages, the language of each part.
/// </summary>
/// <param name="Range">The span, as UTF-16 offsets into the text that was given to the detector.</param>
/// <param name="Language">The language; for a mixed span, the language of most of its letters.</param>
/// <param name="HasDiacritics">True when the span is Vietnamese written with its tone marks and letters (ă â đ ê ô ơ ư).</param>
/// <param name="Confidence">
/// The calibrated probability, in [0, 1], that <paramref name="Language"/> is right (for <see cref="DetectedLanguage.Unknown"/>:
/// that the span is neither English nor Vietnamese).
/// </param>
/// <param name="Parts">For a mixed span, its parts in order, one per run of sentences in one language; otherwise empty.</param>
public readonly record struct LanguageDetection(
    TextRange Range,
    DetectedLanguage Language,
    bool HasDiacritics,
    double Confidence,
    IReadOnlyList<LanguageDetection> Parts)
{
    /// <summary>True when the span holds confident parts in both languages; see <see cref="Parts"/>.</summary>
    public bool IsMixed => Parts is { Count: > 1 };

    /// <summary>The language as written in outputs: <c>en</c>, <c>vi</c> or <c>unknown</c>.</summary>
    public string LanguageCode => Language.Code();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Range} {Language.Code()}{(HasDiacritics ? "" : Language == DetectedLanguage.Vietnamese ? " (no diacritics)" : "")} {Confidence:F3}{(IsMixed ? $" mixed ({Parts.Count} parts)" : "")}";
}
