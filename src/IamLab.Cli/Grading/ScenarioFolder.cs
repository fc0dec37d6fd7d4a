using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;

namespace IamLab.Cli.Grading;

/// <summary>
/// Finds the scenarios folder (<c>--scenarios DIR</c> for teachers, else the scenarios shipped with the tool; never one
/// found from the current folder) and loads scenarios from it.
/// </summary>
internal static class ScenarioFolder
{
    /// <summary>The scenarios folder, or null with a message written.</summary>
    public static string? Locate(string? given, TextWriter error)
    {
        if (given is not null)
        {
            if (Directory.Exists(given))
            {
                return given;
            }

            error.WriteLine($"iamlab: the scenarios folder {given} does not exist.");
            return null;
        }

        var found = ShippedScenarios.Folder();
        if (found is null)
        {
            error.WriteLine($"iamlab: this build of the tool ships no scenarios (no scenarios/ next to {AppContext.BaseDirectory} and none where it was built); give one with --scenarios DIR.");
        }

        return found;
    }

    /// <summary>Loads scenario <paramref name="id"/>, or writes why it cannot and returns null.</summary>
    public static Scenario? Load(string folder, string id, TextWriter error)
    {
        var ids = ScenarioCatalog.Ids(folder);
        if (!ids.Contains(id, StringComparer.Ordinal))
        {
            var near = ids.FirstOrDefault(i => i.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(i, StringComparison.OrdinalIgnoreCase));
            error.WriteLine($"iamlab: there is no scenario \"{id}\" in {folder}{(near is null ? "." : $"; did you mean \"{near}\"?")} Run 'iamlab scenarios list' to see them.");
            return null;
        }

        var loaded = ScenarioLoader.Load(Path.Combine(folder, id));
        foreach (var problem in loaded.Problems)
        {
            error.WriteLine($"iamlab: {problem}");
        }

        return loaded.IsSuccess ? loaded.Scenario : null;
    }
}
