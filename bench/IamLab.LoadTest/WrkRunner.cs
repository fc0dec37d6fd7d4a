using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace IamLab.LoadTest;

/// <summary>
/// Runs one signed request from outside the process with wrk (<c>apt-get install wrk</c>): <c>clients</c>
/// connections on two threads, a warm-up run that is thrown away, then the measured run. wrk replays the same signed
/// request, which SigV4 allows within its time window; every answer that is not 2xx counts as an error.
/// </summary>
internal static class WrkRunner
{
    /// <summary>Whether wrk can be started.</summary>
    public static bool Available()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            probe!.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Warms up, then measures <paramref name="request"/> for <paramref name="duration"/>.</summary>
    public static async Task<LoadResult> RunAsync(string name, HttpRequestMessage request, int clients, TimeSpan warmup, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"iamlab-wrk-{Environment.ProcessId}-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, await Script(request).ConfigureAwait(false)).ConfigureAwait(false);
        try
        {
            if (warmup > TimeSpan.Zero)
            {
                _ = await Wrk(script, request.RequestUri!, clients, warmup).ConfigureAwait(false);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (summary, output) = await Wrk(script, request.RequestUri!, clients, duration).ConfigureAwait(false);
            var serverCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (summary is null)
            {
                return LoadResult.FromSummary(name, duration, 0, double.NaN, double.NaN, 1, $"wrk printed no summary: {output.Trim()}");
            }

            var (requests, micros, errors, p50, p99) = summary.Value;
            return LoadResult.FromSummary(name, TimeSpan.FromTicks(micros * 10), requests, p50 / 1000, p99 / 1000, errors,
                string.Create(CultureInfo.InvariantCulture, $"wrk -t2 -c{clients}, {requests:N0} requests in {micros / 1e6:0.00} s; the endpoints' process used {serverCpu.TotalSeconds:0.00} s of CPU ({serverCpu.TotalMilliseconds * 1000 / Math.Max(1, requests):0} µs a request)"),
                errors > 0 ? "non-2xx answers or socket errors (wrk)" : null);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<string> Script(HttpRequestMessage request)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
        var lua = new StringBuilder();
        lua.Append(CultureInfo.InvariantCulture, $"wrk.method = {Quote(request.Method.Method)}\n");
        lua.Append(CultureInfo.InvariantCulture, $"wrk.body = {Quote(body)}\n");
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>());
        foreach (var (header, values) in headers)
        {
            if (!header.Equals("Host", StringComparison.OrdinalIgnoreCase) && !header.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                lua.Append(CultureInfo.InvariantCulture, $"wrk.headers[ {Quote(header)} ] = {Quote(string.Join(", ", values))}\n");
            }
        }

        // One line the runner reads back: requests, duration (µs), errors, p50 and p99 latency (µs).
        lua.Append("done = function(summary, latency, requests)\n");
        lua.Append("  local e = summary.errors\n");
        lua.Append("  io.write(string.format(\"IAMLAB %d %d %d %d %d\\n\", summary.requests, summary.duration, e.status + e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))\n");
        lua.Append("end\n");
        return lua.ToString();
    }

    // A Lua long string: nothing in a signed request contains the closing bracket.
    private static string Quote(string value) => value.Contains("]==]", StringComparison.Ordinal)
        ? throw new ArgumentException("A value of the request cannot be quoted for Lua.", nameof(value))
        : $"[==[{value}]==]";

    private static async Task<((long Requests, long Micros, long Errors, double P50, double P99)? Summary, string Output)> Wrk(string script, Uri url, int clients, TimeSpan duration)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", $"-c{clients}", $"-d{(int)Math.Ceiling(duration.TotalSeconds)}s", "-s", script, url.ToString() })
        {
            info.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(info)!;
        var output = await wrk.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        output += await wrk.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await wrk.WaitForExitAsync().ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("IAMLAB ", StringComparison.Ordinal));
        if (line is null)
        {
            return (null, output);
        }

        var f = line.Split(' ');
        return ((long.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture),
            double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture)), output);
    }
}
