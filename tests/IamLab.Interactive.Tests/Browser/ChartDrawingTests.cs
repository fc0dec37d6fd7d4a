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
    /// <summary>Virtual time for plotly.js to draw every chart of a notebook before the page is read.</summary>
    private const int ChartBudget = 20_000;

    [Theory]
    [InlineData("00-start-here.ipynb")]
    [InlineData("09-role-chaining.ipynb")]
    public async Task ExecutedNotebook_ChartsDrawInHeadlessChromium(string name)
    {
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

        var (dom, _) = await HeadlessChromium.DumpDom(page, ChartBudget);
        var containers = PlotContainer().Split(dom).Skip(1).ToList();
        Assert.True(containers.Count >= charts, $"{name}: {containers.Count} drawn plot container(s) for {charts} chart(s); see {page}");
        foreach (var container in containers)
        {
            Assert.Contains("class=\"main-svg\"", container);
            Assert.Matches(DrawnPath(), container);
        }

        var size = await HeadlessChromium.Screenshot(page, screenshot, height: 3000, ChartBudget);
        Assert.True(size > 10_000, $"a {size}-byte screenshot at {screenshot}");
    }

    [GeneratedRegex(@"class=""plot-container plotly""")]
    private static partial Regex PlotContainer();

    // A drawn shape: an SVG path with a non-empty "d" that starts with a move-to.
    [GeneratedRegex(@"<path[^>]*\sd=""M[^""]+""")]
    private static partial Regex DrawnPath();
}
