using IamLab.Interactive.Views;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-scenario ID</c>: start a scenario: load it, build its world with the starter (or solution) files, and show it.</summary>
public sealed class ScenarioCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-scenario", "Start a scenario: build its world and show its objectives and files.",
        "Loads scenarios/ID/scenario.yaml, builds its world (accounts, users, roles, providers, buckets) with the starter files in place, and shows the title, "
        + "the files to write with their kinds and starter texts, and the visible checks. Starting a scenario forgets the previous world, its sessions and the policy cells.",
        [
            new("--id", "The scenario id, e.g. cross-account-external-id.", Implicit: true, Value: "ID"),
            new("--scenarios", "The scenarios folder; default the nearest scenarios/ folder from the working directory upwards.", Value: "DIR"),
            new("--solution", "Put the reference solution's files in place of the learner's cells (demos and tests).", Flag: true),
        ]);

    /// <summary><c>--id</c>.</summary>
    public string? Id { get; set; }

    /// <summary><c>--scenarios</c>.</summary>
    public string? Scenarios { get; set; }

    /// <summary><c>--solution</c>.</summary>
    public bool Solution { get; set; }

    internal static Task Run(ScenarioCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var id = CommandArguments.Required(command.Id, "ID (--id)", Directive.Name);
        var folder = string.IsNullOrWhiteSpace(command.Scenarios)
            ? ScenarioCatalog.Find(Environment.CurrentDirectory, AppContext.BaseDirectory)
            : Path.GetFullPath(command.Scenarios.Trim());
        if (folder is null || !Directory.Exists(folder))
        {
            throw new LabCommandException(ErrorCodes.UnknownScenario, folder is null
                ? $"No scenarios/ folder found from {Environment.CurrentDirectory} upwards; give --scenarios DIR."
                : $"The scenarios folder {folder} does not exist.");
        }

        var ids = ScenarioCatalog.Ids(folder);
        if (!ids.Contains(id, StringComparer.Ordinal))
        {
            throw new LabCommandException(ErrorCodes.UnknownScenario, $"No scenario \"{id}\" in {folder}; the scenarios are: {string.Join(", ", ids)}.");
        }

        var loaded = ScenarioLoader.Load(Path.Combine(folder, id));
        if (!loaded.IsSuccess)
        {
            throw new LabCommandException(ErrorCodes.ScenarioInvalid, string.Join("; ", loaded.Problems.Select(p => p.ToString())));
        }

        var scenario = loaded.Scenario!;
        var starter = IamLab.Scenarios.Loading.ScenarioFolderTexts.Read(scenario, "starter");
        var cells = command.Solution ? IamLab.Scenarios.Loading.ScenarioFolderTexts.Read(scenario, "solution") : new Dictionary<string, string>(StringComparer.Ordinal);
        var handle = new ScenarioHandle(scenario, new ScenarioSession(scenario), starter);
        try
        {
            var world = handle.BuildWorld(cells);
            notebook.Policies.Clear();
            foreach (var (file, text) in cells)
            {
                notebook.Policies[file] = text;
            }

            notebook.SetWorld(world, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        context.Display(new ScenarioView(scenario, handle.Submission(notebook.Policies), command.Solution));
        return Task.CompletedTask;
    }
}
