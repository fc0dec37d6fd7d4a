using System.Diagnostics;

namespace IamLab.LoadTest;

/// <summary>Runs <c>clients</c> loops of one request kind for a fixed time and collects latencies and errors.</summary>
internal static class LoadRunner
{
    /// <summary>Runs the clients as fast as they go (closed loop), or paced to <paramref name="rate"/> requests/s in all.</summary>
    /// <remarks>
    /// Paced runs measure each latency from the moment the request was due, not from when it was sent, so a stall
    /// is charged to every request it delayed (no coordinated omission).
    /// </remarks>
    public static async Task<LoadResult> RunAsync(string name, int clients, TimeSpan warmup, TimeSpan duration, Func<int, Task<bool>> request, int rate = 0)
    {
        // Warm-up: JIT, connection pools, the world's first sessions; nothing measured.
        await Loop(clients, warmup, request, measure: false, rate).ConfigureAwait(false);
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        string pauses;
        (long[] Ticks, long Errors, string? First) measured;
        await using (var watch = new GcWatch())
        {
            measured = await Loop(clients, duration, request, measure: true, rate).ConfigureAwait(false);
            pauses = watch.Summary();
        }

        var (ticks, errors, first) = measured;
        var gc = $"GC during the run: {GC.CollectionCount(0) - gcBefore.Item1} gen0, {GC.CollectionCount(1) - gcBefore.Item2} gen1, {GC.CollectionCount(2) - gcBefore.Item3} gen2, "
            + $"{(GC.GetTotalPauseDuration() - gcBefore.Item4).TotalMilliseconds:0} ms paused ({pauses}); heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB; {ThreadPool.ThreadCount} pool threads";
        Array.Sort(ticks);
        return new LoadResult(name, duration, ticks, errors, first) { Notes = gc };
    }

    private static async Task<(long[] Ticks, long Errors, string? First)> Loop(int clients, TimeSpan duration, Func<int, Task<bool>> request, bool measure, int rate)
    {
        var begin = Stopwatch.GetTimestamp();
        var end = begin + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        // With pacing, client c sends its k-th request at begin + (k * clients + c) / rate seconds.
        var interval = rate > 0 ? (double)Stopwatch.Frequency * clients / rate : 0;
        long errors = 0;
        string? first = null;
        var perClient = new List<long>[clients];
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = perClient[c] = new List<long>(1 << 16);
            var i = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                if (interval > 0)
                {
                    var due = begin + (long)((i + ((double)c / clients)) * interval);
                    if (due >= end)
                    {
                        break;
                    }

                    if (due > start)
                    {
                        await Task.Delay(TimeSpan.FromSeconds((double)(due - start) / Stopwatch.Frequency)).ConfigureAwait(false);
                    }

                    start = due;
                }

                bool ok;
                try
                {
                    ok = await request(c * 1_000_000 + i++).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failed request is a measured error, whatever the exception.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Interlocked.CompareExchange(ref first, $"{e.GetType().Name}: {e.Message}", null);
                    ok = false;
                }

                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (measure)
                {
                    mine.Add(Stopwatch.GetTimestamp() - start);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return ([.. perClient.SelectMany(l => l)], errors, first);
    }
}
