using Aligner.Detection;

namespace Aligner.Restoration;

/// <summary>
/// Which lines and sentences the language detector calls English, for <see cref="DiacriticRestorer"/> to leave as
/// written (names included). Names travel between languages and a Vietnamese name weighs towards Vietnamese
/// (<c>The Prime Minister met Mr. Pham Minh Chinh in Hanoi</c> is Vietnamese by a hair), so a span the detector is
/// unsure of is asked again without its capitalised bare syllables (but the first word), where it must be clearly
/// English.
/// </summary>
/// <remarks>Holds a scratch buffer: one instance per restoration call, never shared.</remarks>
internal sealed class EnglishSpans(LanguageDetector detector, SyllableLanguageModel model)
{
    // How sure the detector must be that a span is English to leave it alone.
    private const double EnglishConfidence = 0.5;

    // Without its names, a span must be this clearly English; a span this clearly Vietnamese is not asked again.
    private const double MaskedEnglishConfidence = 0.9;
    private const double NamesMatter = 0.9;

    private readonly char[] scratch = new char[8];
    private char[] masked = new char[256];

    /// <summary>True when the detector calls <paramref name="span"/> English, with or without its names.</summary>
    public bool IsEnglish(ReadOnlySpan<char> span)
    {
        var detection = detector.Detect(span);
        if (detection.Language == DetectedLanguage.English)
        {
            return detection.Confidence >= EnglishConfidence;
        }

        if (detection.Language == DetectedLanguage.Vietnamese && detection.Confidence >= NamesMatter)
        {
            return false;
        }

        if (masked.Length < span.Length)
        {
            masked = new char[Math.Max(span.Length, masked.Length * 2)];
        }

        var text = masked.AsSpan(0, span.Length);
        span.CopyTo(text);
        return MaskNames(text) && detector.Detect(text) is { Language: DetectedLanguage.English, Confidence: >= MaskedEnglishConfidence };
    }

    // Blanks the capitalised ASCII words (but the first) that are bare Vietnamese syllables; true when any was.
    private bool MaskNames(Span<char> text)
    {
        var any = false;
        var first = true;
        for (var i = 0; i < text.Length;)
        {
            if (!SyllableTokenizer.IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && SyllableTokenizer.IsWordChar(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (!first && word.Length <= scratch.Length && char.IsAsciiLetterUpper(word[0])
                && !word[1..].ContainsAnyExceptInRange('a', 'z'))
            {
                var lower = scratch.AsSpan(0, word.Length);
                word.ToLowerInvariant(lower);
                if (model.CandidatesOf(lower) is not null)
                {
                    word.Fill(' ');
                    any = true;
                }
            }

            first = false;
        }

        return any;
    }
}
