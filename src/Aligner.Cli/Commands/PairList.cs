using System.Text;
using Aligner.Alignment;
using Aligner.Input;
using Aligner.Output;

namespace Aligner.Cli.Commands;

/// <summary>
/// <c>aligner align --pairs LIST</c>: aligns many document pairs in one process. LIST is a UTF-8 text of lines
/// <c>ENGLISH_PATH&lt;TAB&gt;VIETNAMESE_PATH</c> (blank lines and lines starting with <c>#</c> are skipped). The beads of
/// each pair are written as JSON Lines in the order of the list, each line naming the pair's number (its line in
/// LIST) and both files; the pairs are aligned on all cores, a bounded number at a time, so memory stays bounded
/// however long the list. A pair that cannot be read is reported on standard error and skipped.
/// </summary>
internal static class PairList
{
    /// <summary>The outcome of a run: pairs written, pairs skipped for bad input, pairs that failed unexpectedly.</summary>
    internal readonly record struct Outcome(int Aligned, int Skipped, int Failed);

    /// <summary>Aligns every pair of <paramref name="list"/> with <paramref name="pipeline"/>, writing to <paramref name="output"/>.</summary>
    /// <param name="list">The list's lines.</param>
    /// <param name="listName">The list's name in messages (<c>-</c> for standard input).</param>
    /// <param name="pipeline">The alignment pipeline.</param>
    /// <param name="output">Where the JSON Lines go; flushed after each pair.</param>
    /// <param name="error">Where bad pairs are reported, one line each.</param>
    /// <param name="verbose">Adds the stack trace of a failure.</param>
    /// <param name="window">How many pairs may be read or aligned at once (at least 1).</param>
    public static Outcome Run(TextReader list, string listName, AlignmentPipeline pipeline, Stream output, TextWriter error, bool verbose, int window)
    {
        var pending = new Queue<(int Line, Task<byte[]> Result)>();
        var aligned = 0;
        var skipped = 0;
        var failed = 0;
        var lineNumber = 0;
        while (list.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // A malformed line is reported in its turn, like a pair that cannot be read.
            var fields = line.Split('\t');
            var number = lineNumber;
            pending.Enqueue((number, fields.Length != 2 || fields[0].Length == 0 || fields[1].Length == 0
                ? Task.FromException<byte[]>(new InvalidDataException("expected ENGLISH_PATH<TAB>VIETNAMESE_PATH"))
                : Task.Run(() => Align(pipeline, fields[0], fields[1], number))));
            if (pending.Count >= window)
            {
                WriteNext();
            }
        }

        while (pending.Count > 0)
        {
            WriteNext();
        }

        return new Outcome(aligned, skipped, failed);

        void WriteNext()
        {
            var (line, task) = pending.Dequeue();
            try
            {
                var bytes = task.GetAwaiter().GetResult();
                output.Write(bytes);
                output.Flush();
                aligned++;
            }
            catch (InvalidDataException ex)
            {
                error.WriteLine($"aligner: {listName} line {line}: {ex.Message.ReplaceLineEndings(" ")}, skipped");
                skipped++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error.WriteLine($"aligner: {listName} line {line}: unexpected error: {ex.Message.ReplaceLineEndings(" ")}, skipped");
                if (verbose)
                {
                    error.WriteLine(ex.ToString());
                }

                failed++;
            }
        }
    }

    private static byte[] Align(AlignmentPipeline pipeline, string englishPath, string vietnamesePath, int pair)
    {
        var alignment = pipeline.Align(SourceText.Load(englishPath), SourceText.Load(vietnamesePath));
        using var buffer = new MemoryStream();
        JsonLinesWriter.Write(alignment, pair, buffer);
        return buffer.ToArray();
    }

    /// <summary>Opens LIST: a file, or standard input for <c>-</c>.</summary>
    public static TextReader Open(string path, CliIO io)
    {
        if (path == "-")
        {
            return new StreamReader(io.StandardInput ?? Console.OpenStandardInput(), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        }

        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"{path}: is a directory, not a list of pairs");
        }

        try
        {
            return new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the list of pairs ({ex.Message})", ex);
        }
    }
}
