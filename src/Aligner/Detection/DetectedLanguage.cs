namespace Aligner.Detection;

/// <summary>The language of a span of text as far as the aligner is concerned.</summary>
public enum DetectedLanguage
{
    /// <summary>Neither English nor Vietnamese, or too little text to tell (digits, symbols, another script or language).</summary>
    Unknown = 0,

    /// <summary>English.</summary>
    English = 1,

    /// <summary>Vietnamese, with or without diacritics.</summary>
    Vietnamese = 2,
}

/// <summary>Conversions of <see cref="DetectedLanguage"/> (users read the code as <see cref="LanguageDetection.LanguageCode"/>).</summary>
internal static class DetectedLanguageExtensions
{
    /// <summary>The code used in outputs: <c>en</c>, <c>vi</c> or <c>unknown</c>.</summary>
    /// <example><c>DetectedLanguage.Vietnamese.Code()</c> ⇒ <c>"vi"</c>.</example>
    public static string Code(this DetectedLanguage language) => language switch
    {
        DetectedLanguage.English => "en",
        DetectedLanguage.Vietnamese => "vi",
        _ => "unknown",
    };
}
