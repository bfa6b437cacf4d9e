using System.Text;

namespace Aligner.IO;

/// <summary>
/// A document's text exactly as decoded from its file (UTF-8, byte order mark removed, newlines kept),
/// with the name the results refer to. Offsets in every result are UTF-16 indices into <see cref="Text"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SourceText
{
    /// <summary>Files larger than this are refused rather than read into memory (256 MiB).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates a source text from a string that is already decoded.</summary>
    /// <param name="text">The text; never modified.</param>
    /// <param name="name">The name written into results, usually the file path.</param>
    public SourceText(string text, string name = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        Text = text;
        Name = name;
    }

    /// <summary>The decoded text.</summary>
    public string Text { get; }

    /// <summary>The name that results use for this text, usually the path it was read from.</summary>
    public string Name { get; }

    /// <summary>
    /// Reads a UTF-8 text file (with or without a byte order mark).
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The decoded text, named after <paramref name="path"/>.</returns>
    /// <exception cref="InvalidDataException">
    /// The file is missing, a directory, too large, binary, or not valid UTF-8; the message names the file and,
    /// where it applies, the byte at fault.
    /// </exception>
    public static SourceText Load(string path)
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

        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new InvalidDataException($"{path}: file is too large ({length:N0} bytes; the limit is {MaxFileBytes:N0})");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not InvalidDataException)
        {
            throw new InvalidDataException($"{path}: cannot be read ({ex.Message})", ex);
        }

        return new SourceText(Decode(bytes, path), path);
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
