using System.Buffers;

namespace Aligner.Normalization;

/// <summary>Character classes shared by the normaliser, the segmenter and the feature extractor.</summary>
internal static class CharClasses
{
    /// <summary>Characters that are removed from the normalised view: they are invisible in print.</summary>
    private const string Invisibles = "\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F";

    /// <summary>Space characters other than U+0020, tab, CR and LF: they become U+0020.</summary>
    private const string OddSpaces = "\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\u000B\u000C\u0085\u2028\u2029";

    public static readonly SearchValues<char> OddSpacesAndInvisibles = SearchValues.Create(Invisibles + OddSpaces);

    private static readonly SearchValues<char> InvisibleValues = SearchValues.Create(Invisibles);

    private static readonly SearchValues<char> OddSpaceValues = SearchValues.Create(OddSpaces);

    public static bool IsInvisible(char c) => InvisibleValues.Contains(c);

    public static bool IsOddSpace(char c) => OddSpaceValues.Contains(c);

    /// <summary>Whitespace that separates words: ASCII whitespace, odd spaces and invisibles.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || InvisibleValues.Contains(c);
}
