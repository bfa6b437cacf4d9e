using System.Collections.Concurrent;
using System.Diagnostics;

namespace Aligner.Preparation;

/// <summary>
/// Wall time spent in each stage of the alignment pipeline, summed over calls (for the profile in the benchmarks).
/// Thread-safe; stages that run on both cores at once add up both threads' time.
/// </summary>
internal sealed class StageTimes
{
    private readonly ConcurrentDictionary<string, long> ticks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>A timestamp to pass to <see cref="Add"/> when the stage ends.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="stage"/>.</summary>
    public void Add(string stage, long start)
    {
        var elapsed = Stopwatch.GetTimestamp() - start;
        if (ticks.TryAdd(stage, elapsed))
        {
            order.Enqueue(stage);
            return;
        }

        ticks.AddOrUpdate(stage, elapsed, (_, old) => old + elapsed);
    }

    /// <summary>The stages in the order they were first seen, with their total time.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> Totals() =>
        [.. order.Select(stage => (stage, TimeSpan.FromSeconds(ticks[stage] / (double)Stopwatch.Frequency)))];
}
