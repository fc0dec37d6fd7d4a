using System.Globalization;

namespace IamLab.LoadTest;

/// <summary>
/// Samples the runtime's record of the last collection every few milliseconds, to report the longest pauses of a run
/// (the totals alone do not tell one long pause from many short ones; a p99 budget cares about the long ones).
/// </summary>
internal sealed class GcWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly List<(long Index, int Generation, bool Background, TimeSpan Pause)> seen = [];

    public GcWatch() => sampling = Task.Run(SampleAsync);

    private async Task SampleAsync()
    {
        var last = GC.GetGCMemoryInfo(GCKind.Any).Index;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                var info = GC.GetGCMemoryInfo(GCKind.Any);
                if (info.Index != last)
                {
                    last = info.Index;
                    var pause = info.PauseDurations.ToArray().Aggregate(TimeSpan.Zero, (a, b) => a + b);
                    lock (seen)
                    {
                        seen.Add((info.Index, info.Generation, info.Concurrent, pause));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The longest sampled pauses, e.g. <c>longest pauses: 31 ms (gen1), 12 ms (gen0); 3 over 10 ms</c>.</summary>
    public string Summary()
    {
        lock (seen)
        {
            var longest = seen.OrderByDescending(s => s.Pause).Take(3)
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Pause.TotalMilliseconds:0} ms (gen{s.Generation}{(s.Background ? ", background" : string.Empty)})"));
            var over = seen.Count(s => s.Pause > TimeSpan.FromMilliseconds(10));
            return $"longest pauses seen: {string.Join(", ", longest)}; {over} of {seen.Count} seen over 10 ms";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        stop.Dispose();
    }
}
