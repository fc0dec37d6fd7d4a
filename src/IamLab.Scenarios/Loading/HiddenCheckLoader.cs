using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Loading;

/// <summary>
/// Reads a scenario's hidden checks from a folder given with <c>--hidden DIR</c>: <c>DIR/&lt;id&gt;.yaml</c> or
/// <c>DIR/&lt;id&gt;/checks.yaml</c>. A folder without a file for the scenario has no hidden checks for it.
/// </summary>
public static class HiddenCheckLoader
{
    /// <summary>The hidden-check file for the scenario <paramref name="scenarioId"/> in <paramref name="directory"/>, or null.</summary>
    public static string? FileFor(string directory, string scenarioId)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var flat = Path.Combine(directory, scenarioId + ".yaml");
        if (File.Exists(flat))
        {
            return flat;
        }

        var nested = Path.Combine(directory, scenarioId, "checks.yaml");
        return File.Exists(nested) ? nested : null;
    }

    /// <summary>Loads the hidden checks for <paramref name="scenario"/>; problems are reported like the scenario's.</summary>
    public static (IReadOnlyList<CheckSpec> Checks, IReadOnlyList<ScenarioProblem> Problems) Load(string directory, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!Directory.Exists(directory))
        {
            return ([], [new ScenarioProblem(ScenarioCodes.HiddenNotFound, $"The hidden-check folder {directory} does not exist.", new SourceSpot(directory, 0, 0))]);
        }

        var path = FileFor(directory, scenario.Id);
        return path is null ? ([], []) : Parse(File.ReadAllText(path), path, scenario);
    }

    /// <summary>Parses hidden-check text for <paramref name="scenario"/>.</summary>
    public static (IReadOnlyList<CheckSpec> Checks, IReadOnlyList<ScenarioProblem> Problems) Parse(string text, string path, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var source = YamlSource.Parse(path, text);
        if (source.Root is null)
        {
            return ([], source.Problems);
        }

        var top = new YamlFields(source.Root, "a hidden-check file", source, "scenario", "checks");
        if (top.String("scenario") is { } id && id != scenario.Id)
        {
            source.Report(ScenarioCodes.HiddenWrongScenario, $"This file is for scenario \"{id}\", not \"{scenario.Id}\".", top.Node("scenario")!);
        }

        var policies = new PolicyReferences(source, scenario.Files.Where(f => f.IsPolicy).Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
            scenario.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal));
        var checks = CheckReader.ReadAll(top.List("checks", required: true), source, policies, hidden: true, scenario.Checks);
        CheckReader.CheckLabForms(checks, scenario.Files, scenario.Challenges, scenario.Incident, source);
        ScenarioClock.CheckWaits(checks, [], scenario.Clock, source);
        foreach (var check in checks.Where(c => scenario.Checks.Any(v => v.Name == c.Name)))
        {
            source.Problems.Add(new ScenarioProblem(ScenarioCodes.DuplicateCheck, $"The hidden check \"{check.Name}\" has the name of one of the scenario's checks.", check.Spot));
        }

        return (source.Problems.Count == 0 ? checks : [], source.Problems);
    }
}
