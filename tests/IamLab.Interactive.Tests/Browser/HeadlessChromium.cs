using IamLab.Interactive.Tests.Notebooks;

namespace IamLab.Interactive.Tests.Browser;

/// <summary>
/// Debian's chromium, headless and offline: a fresh profile, no sandbox (CI runs as root), no background requests, and a
/// virtual time budget that lets the page's scripts (plotly.js) finish before the DOM is dumped or the page captured.
/// Also collects what the page wrote to its console (chromium's <c>--enable-logging=stderr</c> prints each message as a
/// CONSOLE line). Shared by the notebook chart tests here and the HTML report tests of IamLab.Cli.Tests (linked there).
/// Its absence fails the test (CI's .ci/run installs it); it never skips.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static readonly string[] Common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--no-first-run", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"];

    /// <summary>The DOM after the page ran for <paramref name="budgetMilliseconds"/> of virtual time, and the console messages it logged.</summary>
    public static async Task<(string Dom, IReadOnlyList<string> Console)> DumpDom(string page, int budgetMilliseconds = 5000)
    {
        var (output, error) = await Run(["--dump-dom", new Uri(page).AbsoluteUri], budgetMilliseconds);
        return (output, ConsoleLines(error));
    }

    /// <summary>Takes a screenshot of the page, 1280 pixels wide, into <paramref name="png"/>; returns its size in bytes.</summary>
    public static async Task<long> Screenshot(string page, string png, int height = 2400, int budgetMilliseconds = 5000)
    {
        File.Delete(png);
        await Run([$"--screenshot={png}", $"--window-size=1280,{height}", new Uri(page).AbsoluteUri], budgetMilliseconds);
        Xunit.Assert.True(File.Exists(png) && new FileInfo(png).Length > 5_000, $"no screenshot at {png}");
        return new FileInfo(png).Length;
    }

    private static List<string> ConsoleLines(string error) =>
        error.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Content Security Policy", StringComparison.Ordinal)).ToList();

    private static string Find()
    {
        var candidates = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "chromium")));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("chromium is not installed, so pages cannot be checked in a browser. Install Debian's package: apt-get install -y chromium (.ci/run does this on CI).");
    }

    private static async Task<(string Output, string Error)> Run(string[] arguments, int budgetMilliseconds)
    {
        var chromium = Find();
        var profile = Path.Combine(Path.GetTempPath(), "iamlab-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await ChildProcess.RunAsync(chromium, [.. Common, $"--virtual-time-budget={budgetMilliseconds}", $"--user-data-dir={profile}", .. arguments],
                Path.GetTempPath(), Limit);
            Xunit.Assert.False(run.TimedOut, $"chromium did not finish within {Limit.TotalMinutes} minutes: {run.Error}");
            Xunit.Assert.True(run.ExitCode == 0, $"chromium exited {run.ExitCode}: {run.Error}");
            return (run.Output, run.Error);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by an exiting helper process; the folder is in the temporary directory.
            }
        }
    }
}
