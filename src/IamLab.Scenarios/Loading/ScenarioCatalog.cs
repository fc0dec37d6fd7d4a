namespace IamLab.Scenarios.Loading;

/// <summary>
/// Finds the repository's <c>scenarios/</c> folder and lists the scenarios in it (every sub-folder with a
/// scenario.yaml; <c>hidden-example/</c> and other folders without one are not scenarios).
/// </summary>
public static class ScenarioCatalog
{
    /// <summary>The folder name the lab keeps its scenarios in.</summary>
    public const string FolderName = "scenarios";

    /// <summary>
    /// Walks up from each start folder in turn and returns the first <c>scenarios/</c> folder that holds a scenario,
    /// or null.
    /// </summary>
    public static string? Find(params string[] startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, FolderName);
                if (Directory.Exists(candidate) && Ids(candidate).Count > 0)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The scenario ids in <paramref name="scenariosFolder"/>, sorted.</summary>
    public static IReadOnlyList<string> Ids(string scenariosFolder) =>
        Directory.Exists(scenariosFolder)
            ? Directory.GetDirectories(scenariosFolder)
                .Where(d => File.Exists(Path.Combine(d, "scenario.yaml")))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
}
