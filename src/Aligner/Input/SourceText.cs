using System.Text;
using Aligner.Normalization;
using Aligner.Text;

namespace Aligner.Input;

/// <summary>
/// A document as read from its file: <see cref="Text"/>, the file decoded (byte order mark removed, newlines kept),
/// into which every result's offsets point, and <see cref="Content"/>, the text the pipeline reads — the same text
/// for a plain-text file, the article's main text for an HTML page (tags removed, character references decoded),
/// with a map from every content character back to the source characters it came from.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Offsets are UTF-16 indices into the decoded text: for a UTF-16, Windows-1258, TCVN3 or
/// VNI file they count characters of the Unicode text, not bytes of the file.
/// </remarks>
/// <example>
/// <code>
/// var page = SourceText.FromHtml("&lt;p&gt;Tom &amp;amp; Jerry&lt;/p&gt;", "page.html");
/// page.Content;                                    // "Tom &amp; Jerry"
/// page.ToSource(new TextRange(0, 11));             // [3, 19): "Tom &amp;amp; Jerry" in the source
/// </code>
/// </example>
public sealed class SourceText
{
    /// <summary>Files larger than this are refused rather than read into memory (256 MiB).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // For HTML: per content character, the source range it came from (inserted paragraph breaks: an empty range).
    private readonly int[]? starts;
    private readonly int[]? ends;

    /// <summary>Creates a source text from a string that is already decoded (plain text: the content is the text).</summary>
    /// <param name="text">The text; never modified.</param>
    /// <param name="name">The name written into results, usually the file path.</param>
    public SourceText(string text, string name = "")
        : this(text, name, text, null, null, SourceFormat.PlainText, SourceEncoding.Utf8)
    {
    }

    private SourceText(string text, string name, string content, int[]? starts, int[]? ends, SourceFormat format, SourceEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        Text = text;
        Name = name;
        Content = content;
        this.starts = starts;
        this.ends = ends;
        Format = format;
        Encoding = encoding;
    }

    /// <summary>The decoded text (for HTML, the page's source); every result's offsets point into it.</summary>
    public string Text { get; }

    /// <summary>The name that results use for this text, usually the path it was read from.</summary>
    public string Name { get; }

    /// <summary>
    /// The text the pipeline reads: <see cref="Text"/> itself for plain text; for HTML the title, headline, lead,
    /// body paragraphs and captions of the article, one paragraph per line, blank lines between them.
    /// </summary>
    public string Content { get; }

    /// <summary>Whether the file was an HTML page (its main text is <see cref="Content"/>) rather than plain text.</summary>
    public bool IsHtml => Format == SourceFormat.Html;

    /// <summary>Whether the file was plain text or an HTML page.</summary>
    internal SourceFormat Format { get; }

    /// <summary>The encoding the file was decoded from (UTF-8 for text given as a string).</summary>
    public SourceEncoding Encoding { get; }

    /// <summary>
    /// Reads a page's main text (<see cref="HtmlContent"/>): <see cref="Text"/> is <paramref name="html"/>,
    /// <see cref="Content"/> the extracted text.
    /// </summary>
    public static SourceText FromHtml(string html, string name = "") => FromHtml(html, name, SourceEncoding.Utf8);

    private static SourceText FromHtml(string html, string name, SourceEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(name);
        var (content, starts, ends) = HtmlContent.Extract(html);
        return new SourceText(html, name, content, starts, ends, SourceFormat.Html, encoding);
    }

    /// <summary>Maps a range of <see cref="Content"/> to the range of <see cref="Text"/> it was read from.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the content.</exception>
    public TextRange ToSource(TextRange contentRange) =>
        contentRange.MapThrough(Content.Length, starts, ends, Text.Length, nameof(contentRange), "The range is not inside the content.");

    /// <summary>
    /// The content read from a range of <see cref="Text"/>: the text itself for plain text; for HTML the content
    /// characters that came from inside the range (tags dropped, character references decoded).
    /// </summary>
    public string ContentOf(TextRange sourceRange)
    {
        if (sourceRange.Start < 0 || sourceRange.End > Text.Length || sourceRange.Start > sourceRange.End)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceRange), sourceRange, "The range is not inside the text.");
        }

        if (starts is null || ends is null)
        {
            return sourceRange.Substring(Text);
        }

        // Both maps grow with the content index: the first character starting inside, the last one ending inside.
        var first = LowerBound(starts, sourceRange.Start);
        var last = LowerBound(ends, sourceRange.End + 1);

        // Paragraph breaks the reader inserted (empty source ranges) at either end belong to no range.
        while (first < last && starts[first] == ends[first] && Content[first] == '\n')
        {
            first++;
        }

        while (last > first && starts[last - 1] == ends[last - 1] && Content[last - 1] == '\n')
        {
            last--;
        }

        return Content[first..last];
    }

    private static int LowerBound(int[] values, int value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (values[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Reads a text file or HTML page, its encoding detected; see <see cref="Load(string, SourceEncoding?)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing, a directory, too large, binary, or in no encoding it reads.</exception>
    public static SourceText Load(string path) => Load(path, null);

    /// <summary>
    /// Reads a text file: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, or — when it is
    /// not UTF-8 — Vietnamese in Windows-1258, TCVN3 or VNI, whichever reads as Vietnamese; or in
    /// <paramref name="encoding"/> when given. A file whose content is HTML (or named .html/.htm) is read as a page.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="encoding">The file's encoding; detected when null.</param>
    /// <returns>The decoded text, named after <paramref name="path"/>.</returns>
    /// <exception cref="InvalidDataException">
    /// The file is missing, a directory, too large, binary, or in no encoding it can read; the message names the
    /// file and, where it applies, the byte at fault.
    /// </exception>
    public static SourceText Load(string path, SourceEncoding? encoding)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"{path}: is a directory, not a text file");
        }

        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file");
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new InvalidDataException($"{path}: file is too large ({length:N0} bytes; the limit is {MaxFileBytes:N0})");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            var isHtmlName = path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
            return Read(stream, path, encoding, isHtmlName, MaxFileBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not InvalidDataException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// Reads a document from <paramref name="stream"/> (standard input, say) the way <see cref="Load(string, SourceEncoding?)"/> reads a file,
    /// counting the bytes as they come: more than <see cref="MaxFileBytes"/> is refused, and binary data is refused
    /// as soon as it is seen.
    /// </summary>
    /// <param name="stream">The bytes to read.</param>
    /// <param name="name">The name written into results and error messages.</param>
    /// <param name="encoding">The encoding; detected when null.</param>
    /// <exception cref="InvalidDataException">The bytes are too many, binary, or in no encoding it can read.</exception>
    public static SourceText Read(Stream stream, string name, SourceEncoding? encoding = null) => Read(stream, name, encoding, isHtmlName: false, MaxFileBytes);

    /// <summary><see cref="Read(Stream, string, SourceEncoding?)"/> with another limit (for tests).</summary>
    internal static SourceText Read(Stream stream, string name, SourceEncoding? encoding, long maxBytes) => Read(stream, name, encoding, isHtmlName: false, maxBytes);

    private static SourceText Read(Stream stream, string name, SourceEncoding? encoding, bool isHtmlName, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var bytes = ReadBounded(stream, name, encoding, maxBytes);
        var text = Decode(bytes, name, encoding, out var used);
        return isHtmlName || HtmlContent.LooksLikeHtml(text) ? FromHtml(text, name, used) : new SourceText(text, name, text, null, null, SourceFormat.PlainText, used);
    }

    // Reads at most MaxFileBytes, and stops at the first block when it holds a NUL byte the encoding cannot have.
    private static byte[] ReadBounded(Stream stream, string name, SourceEncoding? encoding, long maxBytes)
    {
        const int Block = 1 << 16;
        var buffer = new byte[Block];
        var length = 0;
        var checkedBinary = false;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    throw new InvalidDataException($"{name}: more than {maxBytes:N0} bytes (the limit); split the text");
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (!checkedBinary && (length >= Block || length == buffer.Length))
            {
                checkedBinary = true;
                CheckNotBinary(buffer.AsSpan(0, length), name, encoding);
            }
        }

        if (length > maxBytes)
        {
            throw new InvalidDataException($"{name}: more than {maxBytes:N0} bytes (the limit); split the text");
        }

        return buffer[..length];
    }

    /// <summary>
    /// Decodes UTF-8 bytes (with or without a byte order mark) strictly.
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">The name used in error messages.</param>
    /// <exception cref="InvalidDataException">The bytes are binary or not valid UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        var body = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

        // A NUL byte never occurs in text; it is the surest sign of a binary file.
        var nul = body.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new InvalidDataException($"{name}: binary data, not text (NUL byte at byte {nul + (bytes.Length - body.Length)})");
        }

        var status = System.Text.Unicode.Utf8.IsValid(body);
        if (!status)
        {
            var offset = FirstInvalidUtf8(body) + (bytes.Length - body.Length);
            throw new InvalidDataException($"{name}: invalid UTF-8 at byte {offset}");
        }

        return StrictUtf8.GetString(body);
    }

    /// <summary>
    /// Decodes a file's bytes in <paramref name="encoding"/>, or detects it: a UTF-8 or UTF-16 byte order mark,
    /// valid UTF-8, else the Vietnamese legacy encoding (Windows-1258, TCVN3, VNI) under which the most words are
    /// Vietnamese syllables.
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">The name used in error messages.</param>
    /// <param name="encoding">The encoding; detected when null.</param>
    /// <param name="used">The encoding the text was decoded from.</param>
    /// <exception cref="InvalidDataException">The bytes are binary, or not text in the encoding (or any encoding it reads), with a hint.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name, SourceEncoding? encoding, out SourceEncoding used)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (encoding is null)
        {
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                encoding = SourceEncoding.Utf16LittleEndian;
            }
            else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                encoding = SourceEncoding.Utf16BigEndian;
            }
        }

        CheckNotBinary(bytes, name, encoding);
        used = encoding ?? SourceEncoding.Utf8;
        switch (encoding)
        {
            case SourceEncoding.Utf8:
                return Decode(bytes, name);
            case SourceEncoding.Utf16LittleEndian or SourceEncoding.Utf16BigEndian:
                return DecodeUtf16(bytes, name, encoding == SourceEncoding.Utf16BigEndian);
            case SourceEncoding.Windows1258:
                return Windows1258(bytes);
            case SourceEncoding.Tcvn3:
                return LegacyEncoding.ToUnicode(LegacyEncoding.FromBytes(bytes), VietnameseLegacyEncoding.Tcvn3);
            case SourceEncoding.Vni:
                return LegacyEncoding.ToUnicode(LegacyEncoding.FromBytes(bytes), VietnameseLegacyEncoding.Vni);
        }

        var body = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            return Decode(bytes, name);
        }

        // Not UTF-8: the Vietnamese 8-bit encoding under which the text reads best, when it reads as Vietnamese.
        var invalidAt = FirstInvalidUtf8(body) + (bytes.Length - body.Length);
        var latin = LegacyEncoding.FromBytes(bytes);
        var baseline = LegacyEncoding.Score(latin);
        (SourceEncoding Kind, string Text, (int Valid, int Invalid, int Net) Score)? best = null;
        foreach (var kind in (ReadOnlySpan<SourceEncoding>)[SourceEncoding.Windows1258, SourceEncoding.Tcvn3, SourceEncoding.Vni])
        {
            var text = kind switch
            {
                SourceEncoding.Windows1258 => Windows1258(bytes),
                SourceEncoding.Tcvn3 => LegacyEncoding.ToUnicode(latin, VietnameseLegacyEncoding.Tcvn3),
                _ => LegacyEncoding.ToUnicode(latin, VietnameseLegacyEncoding.Vni),
            };
            var score = LegacyEncoding.Score(text.Normalize(NormalizationForm.FormC));
            if (best is null || score.Net > best.Value.Score.Net)
            {
                best = (kind, text, score);
            }
        }

        if (best is { } b && b.Score.Valid >= 1 && b.Score.Net > baseline.Net && b.Score.Valid >= 2 * b.Score.Invalid)
        {
            used = b.Kind;
            return b.Text;
        }

        throw new InvalidDataException(
            $"{name}: invalid UTF-8 at byte {invalidAt}, and not Vietnamese in Windows-1258, TCVN3 or VNI; convert it to UTF-8 first " +
            $"(e.g. iconv -f WINDOWS-1252 -t UTF-8 '{name}' > out.txt, with the file's own encoding) or name its encoding with --encoding");
    }

    private static void CheckNotBinary(ReadOnlySpan<byte> bytes, string name, SourceEncoding? encoding)
    {
        var utf16 = encoding is SourceEncoding.Utf16LittleEndian or SourceEncoding.Utf16BigEndian
            || (encoding is null && bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)));
        if (utf16)
        {
            return; // UTF-16 text holds NUL bytes; its decoder checks for NUL characters
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul < 0)
        {
            return;
        }

        // UTF-16 without a byte order mark: every other byte of ASCII text is NUL.
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if ((i & 1) == 0)
                {
                    evenNul++;
                }
                else
                {
                    oddNul++;
                }
            }
        }

        var half = sample.Length / 2;
        if (half >= 2 && (oddNul >= half * 7 / 10 || evenNul >= half * 7 / 10) && Math.Min(oddNul, evenNul) <= half / 10)
        {
            var hint = oddNul > evenNul ? "utf-16le" : "utf-16be";
            throw new InvalidDataException($"{name}: looks like UTF-16 without a byte order mark (NUL byte at byte {nul}); read it with --encoding {hint} or convert it: iconv -f {hint.ToUpperInvariant()} -t UTF-8");
        }

        throw new InvalidDataException($"{name}: binary data, not text (NUL byte at byte {nul})");
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, string name, bool bigEndian)
    {
        var bom = bytes.Length >= 2 && ((!bigEndian && bytes[0] == 0xFF && bytes[1] == 0xFE) || (bigEndian && bytes[0] == 0xFE && bytes[1] == 0xFF));
        var body = bom ? bytes[2..] : bytes;
        if ((body.Length & 1) != 0)
        {
            throw new InvalidDataException($"{name}: not UTF-16 (an odd number of bytes, {bytes.Length:N0})");
        }

        var strict = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = strict.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException($"{name}: invalid UTF-16 ({ex.Message.ReplaceLineEndings(" ")})", ex);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new InvalidDataException($"{name}: binary data, not text (NUL character at byte {(nul * 2) + (bytes.Length - body.Length)})");
        }

        return text;
    }

    private static string Windows1258(ReadOnlySpan<byte> bytes) =>
        CodePagesEncodingProvider.Instance.GetEncoding(1258)!.GetString(bytes);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return bytes.Length;
    }
}

/// <summary>What kind of document a <see cref="SourceText"/> was read from.</summary>
internal enum SourceFormat
{
    /// <summary>Plain text: the content is the text.</summary>
    PlainText = 0,

    /// <summary>An HTML page: the content is its main text, read with an HTML5 parser.</summary>
    Html = 1,
}
