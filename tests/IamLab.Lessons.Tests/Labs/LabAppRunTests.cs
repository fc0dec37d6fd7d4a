namespace IamLab.Lessons.Tests.Labs;

/// <summary>
/// Every labs/*.cs app, run for real with <c>dotnet run</c> as a learner runs it: with the scenario's solution in the
/// learner's folder it gives full marks, exits 0 and writes a page with the lesson's charts; with a folder that does not
/// exist yet it makes it from the starter files, and the starter does not pass.
/// </summary>
public sealed class LabAppRunTests(LabApps apps) : IClassFixture<LabApps>
{
    public static TheoryData<string> Apps() => [.. LabApps.All.Select(a => a.File)];

    public static TheoryData<string> Graded() => [.. LabApps.All.Where(a => a.Scenario is not null).Select(a => a.File)];

    private static string ScenarioOf(string app) => LabApps.All.Single(a => a.File == app).Scenario!;

    private LabRun Result(Dictionary<string, LabRun> runs, string app)
    {
        Assert.False(apps.BuildFailures.TryGetValue(app, out var failure), failure);
        return runs[app];
    }

    [Fact]
    public void EveryScenario_HasALabsApp()
    {
        var scenarios = Directory.EnumerateDirectories(Repository.Scenarios).Where(d => File.Exists(Path.Combine(d, "scenario.yaml"))).Select(Path.GetFileName);

        Assert.Empty(scenarios.Except(LabApps.All.Select(a => a.Scenario)));
    }

    [Theory]
    [MemberData(nameof(Graded))]
    public void App_WithTheSolution_GivesFullMarks_ExitsZero_AndWritesTheChartsPage(string app)
    {
        var (status, output, _, html) = Result(apps.WithSolution, app);

        Assert.True(status == 0, output);
        Assert.Matches($@"\n{Path.GetFileNameWithoutExtension(app)}: (\d+)/\1, full marks\.\n", output);
        Assert.DoesNotContain("\n✗ #!lab-", output, StringComparison.Ordinal);
        // The grade command as the lesson writes it (15-break-it's carries its own --expect-score).
        Assert.Matches(@"\n> #!lab-grade( --[^\n]*)?\n", output);
        Assert.Contains($"Charts: {html}\n", output, StringComparison.Ordinal);
        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("data-iamlab-plotly=", page, StringComparison.Ordinal);
        Assert.Contains("window.Plotly.newPlot", page, StringComparison.Ordinal);
        Assert.True(page.Length > 1_000_000, $"the page holds plotly.js inline (it is {page.Length} characters)");
    }

    [Theory]
    [MemberData(nameof(Graded))]
    public void App_OnFirstRun_MakesTheFolderFromTheStarter_WhichDoesNotPass(string app)
    {
        var (status, output, folder, html) = Result(apps.FirstRun, app);

        Assert.True(status == 1, output);
        Assert.Contains($"Made {folder} from the scenario's starter files", output, StringComparison.Ordinal);
        Assert.DoesNotContain("full marks", output, StringComparison.Ordinal);
        foreach (var starter in Directory.EnumerateFiles(Path.Combine(Repository.Scenarios, ScenarioOf(app), "starter")))
        {
            Assert.Equal(File.ReadAllText(starter), File.ReadAllText(Path.Combine(folder, Path.GetFileName(starter))));
        }

        Assert.True(File.Exists(html), "the page is written beside the folder by default");
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void App_PrintsTheLessonsHeading_AsTerminalText(string app)
    {
        var source = File.ReadAllLines(Path.Combine(Repository.Root, "notebooks", "src", Path.ChangeExtension(app, ".cells")));
        var heading = source.First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..];

        var (_, output, _, _) = Result(apps.FirstRun, app);

        Assert.Contains($"── step 1 ──\n{heading}\n{new string('=', heading.Length)}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_ReadsNoLinkOutOfTheLearnersFolder_AndSaysWhy()
    {
        var (app, scenario) = LabApps.All.First(a => a.Scenario == "cross-account-external-id");
        Assert.False(apps.BuildFailures.TryGetValue(app, out var failure), failure);
        var folder = Path.Combine(Repository.TempFolder(), "answers");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Scenarios, scenario!, "solution"), "*.json"))
        {
            // The learner links to the solution instead of writing the answer.
            File.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(file)), file);
        }

        var (status, output) = await LabApps.Run(app, folder);

        Assert.Equal(1, status);
        Assert.Contains("SUBMISSION_FILE_LINK: trust-policy.json is a symbolic link", output, StringComparison.Ordinal);
        Assert.DoesNotContain("full marks", output, StringComparison.Ordinal);
        Assert.Contains("that could be read (the others keep their starter text)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_WithAnUnknownOption_ExitsTwo_WithTheUsage()
    {
        var app = LabApps.All[0].File;
        Assert.False(apps.BuildFailures.TryGetValue(app, out var failure), failure);

        var (status, output) = await LabApps.Run(app, "--colour");

        Assert.Equal(2, status);
        Assert.Contains("unknown option \"--colour\".", output, StringComparison.Ordinal);
        Assert.Contains("usage: dotnet run labs/LESSON.cs [-- FOLDER] [--html FILE] [--no-pause]", output, StringComparison.Ordinal);
    }
}
