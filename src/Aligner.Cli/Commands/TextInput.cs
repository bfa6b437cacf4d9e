using System.Text;
using Aligner.IO;

namespace Aligner.Cli.Commands;

/// <summary>Reads the text of the filter commands (normalize, restore): a file, or standard input.</summary>
internal static class TextInput
{
    /// <summary>
    /// Most text one <c>match</c> run reads in all: 256 MiB of UTF-8, which needs about 4–5 GB of memory (1,000 files
    /// of 5 MB in all peak at 203 MB).
    /// </summary>
    internal const long MaxTotalBytes = 256L << 20;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Windows-1252 code points for bytes 0x80..0x9F (the rest of the range is Latin-1).
    private const string Cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    /// <summary>
    /// The text of <paramref name="path"/> (or standard input when null or "-"). With
    /// <paramref name="legacyFallback"/>, bytes that are not UTF-8 are read as Windows-1252, the way legacy
    /// TCVN3/VNI documents look, so that the normaliser can convert them.
    /// </summary>
    public static string Read(string? path, CliIO io, bool legacyFallback)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            using var buffer = new MemoryStream();
            (io.StandardInput ?? Console.OpenStandardInput()).CopyTo(buffer);
            return Decode(buffer.ToArray(), "standard input", legacyFallback);
        }

        if (!legacyFallback)
        {
            return SourceText.Load(path).Text;
        }

        try
        {
            return Decode(SourceText.Load(path).Text);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("invalid UTF-8", StringComparison.Ordinal))
        {
            return Decode(File.ReadAllBytes(path), path, legacyFallback);
        }
    }

    /// <summary>
    /// Loads the files named, and the .txt files of the folders named (in all subfolders, in name order), each once.
    /// </summary>
    public static List<SourceText> LoadAll(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    throw new InvalidDataException($"{path}: the folder holds no .txt files");
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new InvalidDataException($"{path}: no such file or folder");
            }
        }

        // Matching holds every file's sentences and features in memory at once: refuse what would not fit.
        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        var total = distinct.Sum(f => new FileInfo(f).Length);
        if (total > MaxTotalBytes)
        {
            throw new InvalidDataException($"{paths.First()}: the files add up to {total / (1 << 20):N0} MiB, more than the {MaxTotalBytes >> 20:N0} MiB one run can hold; match them in smaller sets");
        }

        return [.. distinct.Select(SourceText.Load)];
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void Write(string text, string? path, CliIO io)
    {
        using var stream = io.OpenOutput(path);
        var bytes = Utf8NoBom.GetBytes(text);
        stream.Write(bytes);
    }

    private static string Decode(string text) => text;

    private static string Decode(byte[] bytes, string name, bool legacyFallback)
    {
        try
        {
            return SourceText.Decode(bytes, name);
        }
        catch (InvalidDataException ex) when (legacyFallback && ex.Message.Contains("invalid UTF-8", StringComparison.Ordinal))
        {
            var chars = new char[bytes.Length];
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
            }

            return new string(chars);
        }
    }
}
