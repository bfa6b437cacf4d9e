using Aligner.Matching;
using Spectre.Console;

namespace Aligner.Cli;

/// <summary>
/// Shows the progress of a long run as bars on standard error (Spectre.Console) when standard error is a terminal,
/// and nothing otherwise, so that logs and pipes stay clean.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it a progress sink when there is a terminal to show it on.</summary>
    public static T Run<T>(CliIO io, Func<IProgress<MatchProgress>?, T> work)
    {
        if (!io.ErrorIsTerminal)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => work(new Sink(context)));
    }

    // Spectre's tasks are thread-safe; the matcher reports from its worker threads.
    private sealed class Sink(ProgressContext context) : IProgress<MatchProgress>
    {
        private readonly Dictionary<string, ProgressTask> tasks = [];

        public void Report(MatchProgress value)
        {
            ProgressTask? task;
            lock (tasks)
            {
                if (!tasks.TryGetValue(value.Stage, out task))
                {
                    tasks[value.Stage] = task = context.AddTask(value.Stage, maxValue: Math.Max(1, value.Total));
                }
            }

            task.Value = Math.Max(task.Value, value.Done);
        }
    }
}
