using IamLab.Cli.Grading;
using IamLab.Endpoint.Hosting;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Serving;
using IamLab.World;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab serve --scenario ID [--submission DIR]</c>: puts the scenario's world (with the learner's files, or the
/// starter files) into the endpoint's options, and says which scenario is served and how to sign as its users.
/// </summary>
internal static class ServeScenario
{
    /// <summary>
    /// Prepares <paramref name="options"/> for scenario <paramref name="id"/>: the world to serve (unless the state file
    /// exists, which wins) and the lines that describe it. Null, with the reason written, when it cannot be served.
    /// </summary>
    public static Func<LabWorld, IReadOnlyList<string>>? Prepare(LabEndpointOptions options, string id, string? submission, string? scenariosFolder, TextWriter error)
    {
        var folder = ScenarioFolder.Locate(scenariosFolder, error);
        if (folder is null)
        {
            return null;
        }

        var (directory, unknown) = ScenarioWorlds.Find(folder, id);
        if (directory is null)
        {
            error.WriteLine($"iamlab serve: {unknown!.Code}: {unknown.Message}");
            return null;
        }

        var loaded = ScenarioLoader.Load(directory);
        if (!loaded.IsSuccess)
        {
            foreach (var problem in loaded.Problems)
            {
                error.WriteLine($"iamlab serve: {problem}");
            }

            return null;
        }

        var scenario = loaded.Scenario!;
        if (options.StateFile is { } state && File.Exists(state))
        {
            // The learner's saved world (with whatever they changed through the endpoint) wins over a fresh build.
            var note = $"State file {Path.GetFullPath(state)} exists: serving the world saved in it, not a fresh build of the scenario"
                + (submission is null ? "" : $" (--submission {submission} is not applied)") + "; delete the file to start the scenario over.";
            return world => Describe(scenario, note, ScenarioWorlds.KeysOf(scenario, world));
        }

        var built = ScenarioWorlds.BuildForServing(scenario, submission, TimeProvider.System);
        if (!built.IsSuccess)
        {
            foreach (var problem in built.Problems)
            {
                error.WriteLine($"iamlab serve: {problem}");
            }

            return null;
        }

        var served = built.World!;
        options.World = served.World;
        var files = served.FromStarter
            ? $"with the scenario's starter files ({served.FilesDirectory})"
            : $"with the submission's files ({served.FilesDirectory})";
        var seeded = options.StateFile is null ? "" : $"; it seeds the state file {Path.GetFullPath(options.StateFile)}";
        return _ => Describe(scenario, $"World built {files}{seeded}.", served.Keys);
    }

    private static List<string> Describe(Scenario scenario, string origin, IReadOnlyList<ServingUserKey> keys)
    {
        var lines = new List<string>
        {
            $"Scenario: {scenario.Id} ({scenario.Title})",
            origin,
            "Act as the scenario's IAM users with these access keys:",
        };
        foreach (var key in keys)
        {
            lines.Add($"  {key.UserArn}");
            lines.Add($"    AWS_ACCESS_KEY_ID={key.AccessKeyId}");
            lines.Add($"    AWS_SECRET_ACCESS_KEY={key.SecretAccessKey}");
        }

        lines.Add($"Or as the root user of a scenario account: access key id = the account id ({string.Join(", ", scenario.World.Accounts)}), secret access key {RootCredentials.Secret}.");
        return lines;
    }
}
