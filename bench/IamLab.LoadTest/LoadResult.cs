using System.Globalization;

namespace IamLab.LoadTest;

/// <summary>What one timed run measured: completed requests, errors, and every latency.</summary>
internal sealed class LoadResult(string name, TimeSpan duration, long[] latencyTicks, long errors, string? firstError)
{
    public string Name => name;

    /// <summary>Run conditions worth printing (GC counts and pauses, threads).</summary>
    public string Notes { get; init; } = string.Empty;

    public long Requests => latencyTicks.Length;

    public long Errors => errors;

    public string? FirstError => firstError;

    public double PerSecond => Requests / duration.TotalSeconds;

    public double Percentile(double p)
    {
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
