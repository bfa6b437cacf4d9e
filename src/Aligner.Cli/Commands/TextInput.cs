using System.CommandLine;
using System.Text;
using Aligner.Input;

namespace Aligner.Cli.Commands;

/// <summary>Reads the documents the commands are given: files, folders of files, or standard input.</summary>
internal static class TextInput
{
    /// <summary>
    /// Most text one <c>match</c> run reads in all: 256 MiB of UTF-8, which needs about 4–5 GB of memory (1,000 files
    /// of 5 MB in all peak at 203 MB).
    /// </summary>
    internal const long MaxTotalBytes = 256L << 20;

    /// <summary>How deep <c>match</c> looks into folders.</summary>
    private const int MaxDepth = 64;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary><c>--encoding</c>: the encoding of the input files; detected when omitted.</summary>
    internal static Option<string?> EncodingOption()
    {
        var option = new Option<string?>("--encoding", "-e")
        {
            Description = "Encoding of the input: utf-8, utf-16le, utf-16be, windows-1258, tcvn3 or vni. Detected when omitted (UTF-8, a UTF-16 byte order mark, else the Vietnamese legacy encoding the text reads in).",
        };
        option.AcceptOnlyFromAmong([.. SourceEncodings.Names]);
        return option;
    }

    /// <summary>The encoding <c>--encoding</c> names, or null (detect).</summary>
    internal static SourceEncoding? Encoding(string? name) => string.IsNullOrEmpty(name) ? null : SourceEncodings.Parse(name);

    /// <summary>Reads <paramref name="path"/>, or standard input when it is null or "-".</summary>
    public static SourceText Load(string? path, CliIO io, SourceEncoding? encoding)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            return io.ReadStandardInput(encoding);
        }

        return SourceText.Load(path, encoding);
    }

    /// <summary>
    /// Loads the files named, and the .txt, .html and .htm files of the folders named (in all subfolders, in name
    /// order). Each real file is read once, however many links lead to it; links are followed, but a folder is never
    /// entered twice (no link loops); empty files and what is not a regular file (FIFOs, devices) are skipped in folders.
    /// </summary>
    public static List<SourceText> LoadAll(IEnumerable<string> paths, SourceEncoding? encoding = null) =>
        LoadAll(paths, encoding, ListFolder);

    /// <summary>
    /// <see cref="LoadAll(IEnumerable{string}, SourceEncoding?)"/> with the folder listing given: tests pass one that
    /// fails the way an unreadable folder does (the tests run as root, who reads every folder).
    /// </summary>
    internal static List<SourceText> LoadAll(IEnumerable<string> paths, SourceEncoding? encoding, Func<string, IEnumerable<FileSystemInfo>> listFolder)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                Walk(path, found, new HashSet<string>(StringComparer.Ordinal), 0, listFolder);
                found.Sort(StringComparer.Ordinal);
                foreach (var file in found)
                {
                    if (seen.Add(RealPath(file)))
                    {
                        files.Add(file);
                    }
                }

                if (found.Count == 0)
                {
                    throw new InvalidDataException($"{path}: the folder holds no .txt files (nor .html or .htm pages)");
                }

            }
            else if (File.Exists(path))
            {
                if (seen.Add(RealPath(path)))
                {
                    files.Add(path);
                }
            }
            else
            {
                throw new InvalidDataException($"{path}: no such file or folder");
            }
        }

        // Matching holds every file's sentences and features in memory at once: refuse what would not fit.
        var total = files.Sum(f => new FileInfo(f).Length);
        if (total > MaxTotalBytes)
        {
            throw new InvalidDataException($"{paths.First()}: the files add up to {total / (1 << 20):N0} MiB, more than the {MaxTotalBytes >> 20:N0} MiB one run can hold; match them in smaller sets");
        }

        var sources = new List<SourceText>(files.Count);
        long read = 0;
        foreach (var file in files)
        {
            var source = SourceText.Load(file, encoding);
            read += source.Text.Length;
            if (read > MaxTotalBytes)
            {
                throw new InvalidDataException($"{file}: the files add up to more than the {MaxTotalBytes >> 20:N0} MiB one run can hold; match them in smaller sets");
            }

            sources.Add(source);
        }

        return sources;
    }

    private static IEnumerable<FileSystemInfo> ListFolder(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 }).ToList();

    private static void Walk(string folder, List<string> found, HashSet<string> entered, int depth, Func<string, IEnumerable<FileSystemInfo>> listFolder)
    {
        if (depth > MaxDepth || !entered.Add(RealPath(folder)))
        {
            return; // a link back to a folder already read (ln -s .. up, ln -s . self)
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = listFolder(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new InvalidDataException($"{folder}: cannot be read ({ex.Message})", ex);
        }

        foreach (var entry in entries)
        {
            if (Directory.Exists(entry.FullName))
            {
                Walk(Path.Combine(folder, entry.Name), found, entered, depth + 1, listFolder);
                continue;
            }

            if (!IsText(entry.Name) || !File.Exists(entry.FullName))
            {
                continue; // another kind of file, or a broken link
            }

            // A FIFO, socket or device reports size 0 (and a FIFO would block): only non-empty regular files are read.
            if (new FileInfo(entry.FullName).Length == 0)
            {
                continue;
            }

            found.Add(Path.Combine(folder, entry.Name));
        }
    }

    private static bool IsText(string name) =>
        name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    // The path with every link resolved, so that a file or folder reached through links is known as itself.
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            for (var hops = 0; hops < 40; hops++)
            {
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (info.LinkTarget is not { } target)
                {
                    break;
                }

                next = Path.GetFullPath(target, Path.GetDirectoryName(next) ?? root);
            }

            current = next;
        }

        return current;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void Write(string text, string? path, CliIO io)
    {
        using var stream = io.OpenOutput(path);
        var bytes = Utf8NoBom.GetBytes(text);
        stream.Write(bytes);
    }
}
