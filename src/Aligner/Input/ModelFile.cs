using System.IO.Compression;
using System.Text;

namespace Aligner.Input;

/// <summary>
/// The frame shared by the binary model files (detector, restorer, lexicon): gzip around a <see cref="BinaryReader"/>
/// stream that starts with a magic number and usually a version, and the embedded default copies.
/// </summary>
/// <remarks>
/// The gzip frame carries a CRC-32 and the length of the model it holds; a model is read to the end of the frame so
/// that both are checked, and a damaged file is refused rather than loaded (files written before this check load
/// unchanged: every gzip file has the trailer).
/// </remarks>
internal static class ModelFile
{
    /// <summary>
    /// Reads a gzip-compressed model with <paramref name="body"/>; a truncated or unreadable stream becomes an
    /// <see cref="InvalidDataException"/> that names <paramref name="what"/>.
    /// </summary>
    public static T Read<T>(Stream stream, string what, Func<BinaryReader, T> body)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CheckGzipHeader(stream, what);
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var buffered = new BufferedStream(gzip, 1 << 16);
            using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
            var model = body(reader);

            // Reading on to the end makes the decompressor check the frame's CRC-32 and length.
            if (buffered.ReadByte() >= 0)
            {
                throw new InvalidDataException($"{what} has data after its end");
            }

            return model;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{what} is truncated", ex);
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"{what} cannot be read ({ex.Message})", ex);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{what} is corrupt ({ex.Message})", ex);
        }
    }

    // A file that is no gzip stream at all (a text given as --model) is named as such, not with the decompressor's words
    // ("compressed using an unsupported compression method"). Only a stream that can go back is looked at first.
    private static void CheckGzipHeader(Stream stream, string what)
    {
        if (!stream.CanSeek || !stream.CanRead)
        {
            return;
        }

        var start = stream.Position;
        Span<byte> head = stackalloc byte[2];
        var read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = start;
        if (read < 2 || head[0] != 0x1F || head[1] != 0x8B)
        {
            throw new InvalidDataException(read == 0 ? $"{what} is empty" : $"not a {what} (a model file is gzip-compressed; this is not)");
        }
    }

    /// <summary>Checks the magic number and returns the version that follows it, one of those accepted.</summary>
    public static int ReadHeader(BinaryReader reader, uint magic, string what, int minimumVersion, int maximumVersion)
    {
        if (reader.ReadUInt32() != magic)
        {
            throw new InvalidDataException($"not a {what} (bad magic number)");
        }

        var version = reader.ReadInt32();
        if (version < minimumVersion || version > maximumVersion)
        {
            throw new InvalidDataException($"{what} version {version} is not supported (expected {maximumVersion})");
        }

        return version;
    }

    /// <summary>Writes a gzip-compressed model with <paramref name="body"/>.</summary>
    public static void Write(Stream stream, Action<BinaryWriter> body)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        body(writer);
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    public static byte[] ReadExactly(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new EndOfStreamException();
    }

    /// <summary>Loads a model embedded in the library under <paramref name="name"/>.</summary>
    public static T LoadEmbedded<T>(string name, Func<Stream, T> load)
    {
        using var stream = typeof(ModelFile).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded model {name} is missing from the assembly.");
        return load(stream);
    }
}
