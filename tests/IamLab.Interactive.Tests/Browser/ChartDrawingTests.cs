using System.Text;
using System.Text.RegularExpressions;
using IamLab.Interactive.Tests.Notebooks;

namespace IamLab.Interactive.Tests.Browser;

/// <summary>
/// An executed notebook's HTML outputs, opened in headless Chromium (Debian's <c>chromium</c> package, offline),
/// draw their charts: every Plotly container holds an SVG with drawn paths. The page and a screenshot are kept under
/// TestResults/notebooks/browser/.
/// </summary>
[Collection(NotebookKernels.Name)]
public sealed partial class ChartDrawingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("00-start-here.ipynb")]
    [InlineData("09-role-chaining.ipynb")]
    public async Task ExecutedNotebook_ChartsDrawInHeadlessChromium(string name)
    {
        var chromium = FindChromium();
        var result = await NotebookExecutions.RunWithSolutionsAsync(name);
        Assert.True(result.Succeeded, $"{name}: {result.Failure}");
        var outputs = NotebookOutputs.Html(result.Executed).ToList();
        var charts = outputs.Count(h => h.Contains("newPlot", StringComparison.Ordinal));
        Assert.True(charts >= 2, $"{name}: {charts} chart output(s)");

        var folder = RepositoryPaths.Artifacts("browser");
        var stem = Path.GetFileNameWithoutExtension(name);
        var page = Path.Combine(folder, stem + ".html");
        var screenshot = Path.Combine(folder, stem + ".png");
        File.Delete(screenshot);
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(stem).Append("</title></head><body>\n");
        foreach (var output in outputs)
        {
            html.Append("<div class=\"cell-output\">").Append(output).Append("</div>\n");
        }

        await File.WriteAllTextAsync(page, html.Append("</body></html>\n").ToString());
        var url = new Uri(page).AbsoluteUri;

        var dom = await RunChromiumAsync(chromium, ["--dump-dom", url]);
        var containers = PlotContainer().Split(dom).Skip(1).ToList();
        Assert.True(containers.Count >= charts, $"{name}: {containers.Count} drawn plot container(s) for {charts} chart(s); see {page}");
        foreach (var container in containers)
        {
            Assert.Contains("class=\"main-svg\"", container);
            Assert.Matches(DrawnPath(), container);
        }

        await RunChromiumAsync(chromium, [$"--screenshot={screenshot}", "--window-size=1280,3000", url]);
        Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 10_000, $"no screenshot at {screenshot}");
    }

    /// <summary>Debian's chromium; its absence fails the test (CI's .ci/run installs it), it never skips.</summary>
    private static string FindChromium()
    {
        var candidates = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "chromium")));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("chromium is not installed, so the charts cannot be checked in a browser. Install Debian's package: apt-get install -y chromium (.ci/run does this on CI).");
    }

    private static async Task<string> RunChromiumAsync(string chromium, string[] arguments)
    {
        var profile = Path.Combine(Path.GetTempPath(), "iamlab-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Offline and isolated: a fresh profile, no sandbox (CI runs as root), no background requests; the
            // virtual time budget lets plotly.js finish drawing before the DOM is dumped or the page captured.
            string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
                "--disable-background-networking", "--no-first-run", "--virtual-time-budget=20000", "--hide-scrollbars"];
            var run = await ChildProcess.RunAsync(chromium, [.. common, .. arguments], Path.GetTempPath(), Limit);
            Assert.False(run.TimedOut, $"chromium did not finish within {Limit.TotalMinutes} minutes: {run.Error}");
            Assert.True(run.ExitCode == 0, $"chromium exited {run.ExitCode}: {run.Error}");
            return run.Output;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by an exiting helper process; the folder is in the temp directory.
            }
        }
    }

    [GeneratedRegex(@"class=""plot-container plotly""")]
    private static partial Regex PlotContainer();

    // A drawn shape: an SVG path with a non-empty "d" that starts with a move-to.
    [GeneratedRegex(@"<path[^>]*\sd=""M[^""]+""")]
    private static partial Regex DrawnPath();
}
