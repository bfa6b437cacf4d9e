using System.CommandLine;
using Aligner.Cli.Commands;

namespace Aligner.Cli;

/// <summary>The <c>aligner</c> command line: a thin shell over the library.</summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for bad input or usage.</summary>
    public const int BadInput = 1;

    /// <summary>Exit code for an unexpected failure.</summary>
    public const int Unexpected = 2;

    /// <summary>Shows stack traces of failures.</summary>
    internal static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "End with a one-line summary on standard error (also shown when it is a terminal), and show the full error, with stack trace, when something fails.",
        Recursive = true,
    };

    /// <summary>Runs the tool with the given arguments, reading from and writing to the given streams (the console by default).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null, Stream? standardOutput = null, Stream? standardInput = null)
    {
        var io = new CliIO(output ?? Console.Out, error ?? Console.Error, standardOutput) { StandardInput = standardInput, ErrorIsTerminal = error is null && !Console.IsErrorRedirected };
        var root = new RootCommand("Aligns English and Vietnamese news text into bilingual sentence pairs.")
        {
            Verbose,
            AlignCommand.Create(io),
            MatchCommand.Create(io),
            TrainScorerCommand.Create(io),
            TrainLexiconCommand.Create(io),
            DetectCommand.Create(io),
            TrainDetectorCommand.Create(io),
            NormalizeCommand.Create(io),
            RestoreCommand.Create(io),
            TrainRestorerCommand.Create(io),
        };

        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A usage error is one line on standard error, never the whole help on standard output.
            var command = parse.CommandResult.Command;
            var name = ReferenceEquals(command, root) ? "aligner" : "aligner " + command.Name;
            io.Error.WriteLine($"aligner: {parse.Errors[0].Message.ReplaceLineEndings(" ")} (see '{name} --help')");
            return BadInput;
        }

        return parse.Invoke(configuration);
    }
}
