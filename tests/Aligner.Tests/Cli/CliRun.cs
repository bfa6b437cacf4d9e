using System.Text;
using Aligner.Cli;

namespace Aligner.Tests.Cli;

/// <summary>The result of one in-process run of the command line.</summary>
internal sealed record CliRun(int ExitCode, string StandardOutput, string Output, string Error)
{
    public static CliRun Of(params string[] args) => WithInput(null, args);

    /// <summary>Runs the command line with <paramref name="input"/> (UTF-8 bytes) as standard input.</summary>
    public static CliRun WithInput(byte[]? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var standardOutput = new MemoryStream();
        using var standardInput = new MemoryStream(input ?? []);
        var exit = CliApp.Run(args, output, error, standardOutput, input is null ? null : standardInput);
        return new CliRun(exit, new UTF8Encoding(false, true).GetString(standardOutput.ToArray()), output.ToString(), error.ToString());
    }

    /// <summary>The non-empty lines written to standard error.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The lines of the results written to standard output (JSON Lines).</summary>
    public IReadOnlyList<string> ResultLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
