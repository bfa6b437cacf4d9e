namespace Aligner.Input;

/// <summary>The character encodings <see cref="SourceText"/> reads.</summary>
public enum SourceEncoding
{
    /// <summary>UTF-8, with or without a byte order mark.</summary>
    Utf8 = 0,

    /// <summary>UTF-16 little-endian (Windows Notepad's "Unicode"); a byte order mark is removed.</summary>
    Utf16LittleEndian = 1,

    /// <summary>UTF-16 big-endian; a byte order mark is removed.</summary>
    Utf16BigEndian = 2,

    /// <summary>Windows-1258 (Vietnamese Windows code page: tone marks as combining characters).</summary>
    Windows1258 = 3,

    /// <summary>TCVN3 (ABC, the <c>.Vn</c> fonts), a legacy 8-bit Vietnamese encoding.</summary>
    Tcvn3 = 4,

    /// <summary>VNI (VNI-Windows fonts), a legacy 8-bit Vietnamese encoding with marks as separate bytes.</summary>
    Vni = 5,
}

/// <summary>Names of <see cref="SourceEncoding"/> values on the command line.</summary>
internal static class SourceEncodings
{
    /// <summary>The names <see cref="Parse"/> accepts, one per encoding.</summary>
    public static IReadOnlyList<string> Names { get; } = ["utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni"];

    /// <summary>The encoding called <paramref name="name"/> (case-insensitive; <c>utf8</c>, <c>cp1258</c>, <c>abc</c> too).</summary>
    /// <returns>The encoding, or null when the name is unknown.</returns>
    public static SourceEncoding? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => SourceEncoding.Utf8,
            "utf-16le" or "utf16le" or "utf-16" or "unicode" => SourceEncoding.Utf16LittleEndian,
            "utf-16be" or "utf16be" => SourceEncoding.Utf16BigEndian,
            "windows-1258" or "cp1258" or "1258" => SourceEncoding.Windows1258,
            "tcvn3" or "tcvn" or "abc" => SourceEncoding.Tcvn3,
            "vni" => SourceEncoding.Vni,
            _ => null,
        };
    }

    /// <summary>The command-line name of <paramref name="encoding"/>.</summary>
    public static string Name(this SourceEncoding encoding) => Names[(int)encoding];
}
