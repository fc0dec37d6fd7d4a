using System.Text.RegularExpressions;

namespace IamLab.Lessons.Tests.Labs;

/// <summary>
/// The repository's labs apps, built once for all the tests of a run: the first one alone (it brings the lab's
/// libraries up to date), the others side by side, as many at a time as there are cores. Then every app runs with
/// <c>dotnet run --no-build</c> (as a learner's second run does) with its scenario's solution and with its starter, side
/// by side as well; the tests assert on those runs.
/// </summary>
public sealed partial class LabApps : IAsyncLifetime
{
    /// <summary>Each app's file name and the scenario it grades (null for a lesson without exercises).</summary>
    public static IReadOnlyList<(string File, string? Scenario)> All { get; } =
        [.. Directory.EnumerateFiles(Repository.Labs, "*.cs").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), ScenarioOf(f)))];

    /// <summary>The build output of the apps that failed to build, by file name.</summary>
    public Dictionary<string, string> BuildFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>Each graded app's run with the solution in its folder, by file name.</summary>
    public Dictionary<string, LabRun> WithSolution { get; } = new(StringComparer.Ordinal);

    /// <summary>Each app's first run, on a folder that does not exist yet, by file name.</summary>
    public Dictionary<string, LabRun> FirstRun { get; } = new(StringComparer.Ordinal);

    /// <summary><c>dotnet run --no-build labs/APP -- ARGS --no-pause</c>.</summary>
    public static Task<(int Status, string Output)> Run(string app, params string[] args) =>
        LabAppProcess.Run(["run", "--no-build", Path.Combine("labs", app), "--", .. args, "--no-pause"]);

    public async Task InitializeAsync()
    {
        if (All.Count == 0)
        {
            return;
        }

        await Build(All[0].File);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(All.Skip(1), parallel, async (app, _) => await Build(app.File));
        var runs = All.Where(a => !BuildFailures.ContainsKey(a.File))
            .SelectMany(a => a.Scenario is null ? [(a, false)] : new[] { (a, true), (a, false) });
        await Parallel.ForEachAsync(runs, parallel, async (run, _) =>
        {
            var ((file, scenario), solution) = run;
            var result = solution ? await RunWithSolution(file, scenario!) : await RunFirst(file, scenario);
            lock (WithSolution)
            {
                (solution ? WithSolution : FirstRun)[file] = result;
            }
        });
    }

    private static async Task<LabRun> RunWithSolution(string file, string scenario)
    {
        var folder = Path.Combine(Repository.TempFolder(), "answers");
        Directory.CreateDirectory(folder);
        // Every file of the solution but its explanation: policies (.json), and attacks and findings (.yaml) in break-it.
        foreach (var answer in Directory.EnumerateFiles(Path.Combine(Repository.Scenarios, scenario, "solution")).Where(f => Path.GetFileName(f) != "NOTES.md"))
        {
            File.Copy(answer, Path.Combine(folder, Path.GetFileName(answer)));
        }

        var html = Path.Combine(Path.GetDirectoryName(folder)!, "page.html");
        var (status, output) = await Run(file, folder, "--html", html);
        return new LabRun(status, output.Replace("\r\n", "\n", StringComparison.Ordinal), folder, html);
    }

    private static async Task<LabRun> RunFirst(string file, string? scenario)
    {
        var folder = Path.Combine(Repository.TempFolder(), "my-answers", scenario ?? "none");
        var (status, output) = await Run(file, folder);
        return new LabRun(status, output.Replace("\r\n", "\n", StringComparison.Ordinal), folder, Path.Combine(Path.GetDirectoryName(folder)!, Path.GetFileNameWithoutExtension(file) + ".html"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task Build(string file)
    {
        var (status, output) = await LabAppProcess.Run("build", Path.Combine("labs", file), "-nologo", "-v", "q");
        if (status != 0)
        {
            lock (BuildFailures)
            {
                BuildFailures[file] = output;
            }
        }
    }

    private static string? ScenarioOf(string path) =>
        ScenarioArgument().Match(File.ReadAllText(path)) is { Success: true } match ? match.Groups["id"].Value : null;

    [GeneratedRegex("LabApp\\.Start\\(args, \"[^\"]+\", \"(?<id>[^\"]+)\"\\)")]
    private static partial Regex ScenarioArgument();
}
