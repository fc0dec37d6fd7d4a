using Xunit;

namespace IamLab.Cli.Tests.Teaching;

/// <summary>
/// Debian's chromium, headless and offline, as the notebook chart tests drive it (IamLab.Interactive.Tests'
/// ChartDrawingTests): a fresh profile, no sandbox, no background requests, a virtual time budget. Also collects what
/// the page wrote to its console (chromium's <c>--enable-logging=stderr</c> prints each message as a CONSOLE line).
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--no-first-run", "--virtual-time-budget=5000", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"];

    /// <summary>The DOM after the page ran, and the console messages it logged.</summary>
    public static async Task<(string Dom, IReadOnlyList<string> Console)> DumpDom(string page)
    {
        var (output, error) = await Run(["--dump-dom", new Uri(page).AbsoluteUri]);
        return (output, ConsoleLines(error));
    }

    /// <summary>Takes a screenshot of the page into <paramref name="png"/>.</summary>
    public static async Task Screenshot(string page, string png)
    {
        File.Delete(png);
        await Run([$"--screenshot={png}", "--window-size=1280,2400", new Uri(page).AbsoluteUri]);
        Assert.True(File.Exists(png) && new FileInfo(png).Length > 5_000, $"no screenshot at {png}");
    }

    private static List<string> ConsoleLines(string error) =>
        error.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Content Security Policy", StringComparison.Ordinal)).ToList();

    private static async Task<(string Output, string Error)> Run(string[] arguments)
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("chromium is not installed, so the HTML reports cannot be checked in a browser. Install Debian's package: apt-get install -y chromium (.ci/run does this on CI).");
        var profile = Path.Combine(Path.GetTempPath(), "iamlab-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (status, output, error) = await ProcessRun.Run(chromium, [.. Common, $"--user-data-dir={profile}", .. arguments], Path.GetTempPath(), timeoutSeconds: 120);
            Assert.True(status == 0, $"chromium exited {status}: {error}");
            return (output, error);
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
