using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;

namespace IamLab.Cli.Grading;

/// <summary>Finds the scenarios folder (<c>--scenarios DIR</c>, or walking up from the current and the tool's folder) and loads scenarios from it.</summary>
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

        var found = ScenarioCatalog.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (found is null)
        {
            error.WriteLine("iamlab: no scenarios/ folder found above the current folder or the tool's folder; give one with --scenarios DIR.");
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
