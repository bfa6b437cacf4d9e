using System.CommandLine;

namespace Aligner.Cli;

/// <summary>Where commands write, and how they report failures.</summary>
internal sealed class CliIO(TextWriter output, TextWriter error, Stream? standardOutput)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Standard error is a terminal a person watches: long runs show their progress there.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Standard input for commands that read it; the console's when null.</summary>
    public Stream? StandardInput { get; init; }

    /// <summary>Reads all of standard input (at most 256 MiB, counted as it comes) as a document named <c>-</c>.</summary>
    public Input.SourceText ReadStandardInput(Input.SourceEncoding? encoding = null) =>
        Input.SourceText.Read(StandardInput ?? Console.OpenStandardInput(), "-", encoding);

    /// <summary>
    /// Writes the one-line summary of a command to standard error when it is a terminal, with <c>--verbose</c>, or
    /// when the result is empty (a run never ends silently with nothing).
    /// </summary>
    public void Summary(ParseResult parse, string line, bool empty)
    {
        if (empty || ErrorIsTerminal || parse.GetValue(CliApp.Verbose))
        {
            Error.WriteLine(line);
        }
    }

    /// <summary>Opens the destination of the results: a file, or standard output when no path is given.</summary>
    public Stream OpenOutput(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            return new NonClosingStream(standardOutput ?? Console.OpenStandardOutput());
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: cannot write the output ({ex.Message})", ex);
        }
    }

    /// <summary>Runs a command body, turning failures into one-line messages and exit codes.</summary>
    public int Guard(ParseResult parse, Action body)
    {
        var verbose = parse.GetValue(CliApp.Verbose);
        try
        {
            body();
            return CliApp.Success;
        }
        catch (InvalidDataException ex)
        {
            Report(ex, verbose);
            return CliApp.BadInput;
        }
        catch (IOException ex)
        {
            // Reading failures are reported with the file's name where they happen; what is left is writing (a full disk).
            Report(new IOException($"cannot write the output ({ex.Message})", ex), verbose);
            return CliApp.BadInput;
        }
        catch (OperationCanceledException)
        {
            Error.WriteLine("aligner: cancelled");
            return CliApp.BadInput;
        }
        catch (Exception ex)
        {
            Report(ex, verbose, "aligner: unexpected error: ");
            return CliApp.Unexpected;
        }
    }

    private void Report(Exception ex, bool verbose, string prefix = "aligner: ")
    {
        Error.WriteLine(prefix + ex.Message.ReplaceLineEndings(" "));
        if (verbose)
        {
            Error.WriteLine(ex.ToString());
        }
    }

    /// <summary>Keeps standard output open when a writer disposes its stream.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Flush();
            }

            base.Dispose(disposing);
        }
    }
}
