namespace Aligner.Cli;

// Writes each progress line at once, on the caller's thread: Progress<T> would post it to the thread pool, where it
// can arrive after the command has returned and its writer is closed.
internal sealed class LineProgress(TextWriter writer) : IProgress<string>
{
    public void Report(string value) => writer.WriteLine(value);
}
