namespace Aligner.Tests.Support;

/// <summary>What the library treats as blank: white space and characters that are invisible in print.</summary>
internal static class Blank
{
    private const string Invisibles = "\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F";

    public static bool IsBlank(char c) => char.IsWhiteSpace(c) || Invisibles.Contains(c, StringComparison.Ordinal);
}
