using System.Globalization;

namespace IamLab.LoadTest;

/// <summary>What one timed run measured: completed requests, errors, and every latency (or, from wrk, its percentiles).</summary>
internal sealed class LoadResult(string name, TimeSpan duration, long[] latencyTicks, long errors, string? firstError)
{
    private long? counted;
    private (double P50, double P99)? reported;

    public string Name => name;

    /// <summary>Run conditions worth printing (GC counts and pauses, threads).</summary>
    public string Notes { get; init; } = string.Empty;

    public long Requests => counted ?? latencyTicks.Length;

    public long Errors => errors;

    public string? FirstError => firstError;

    public double PerSecond => Requests / duration.TotalSeconds;

    /// <summary>A run measured by another program, which reports counts and the 50th and 99th percentiles only.</summary>
    public static LoadResult FromSummary(string name, TimeSpan duration, long requests, double p50Ms, double p99Ms, long errors, string notes, string? firstError = null) =>
        new(name, duration, [], errors, firstError) { Notes = notes, counted = requests, reported = (p50Ms, p99Ms) };

    public double Percentile(double p)
    {
        if (reported is { } r)
        {
            return p switch
            {
                50 => r.P50,
                99 => r.P99,
                _ => double.NaN,
            };
        }

        if (latencyTicks.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p / 100 * latencyTicks.Length) - 1;
        return latencyTicks[Math.Clamp(index, 0, latencyTicks.Length - 1)] * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    }

    public string Row(double? baseline) => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Requests:N0} | {PerSecond:N0} | {Percentile(50):0.00} | {Percentile(99):0.00} | {Errors} | {(baseline is { } b && b > 0 ? (PerSecond / b).ToString("0.00", CultureInfo.InvariantCulture) : "-")} |");
}
