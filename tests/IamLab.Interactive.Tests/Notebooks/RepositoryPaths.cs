namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>Folders of the repository the notebook tests read (found from the test's output folder upwards).</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Lab.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static string NotebookSources => Path.Combine(Notebooks, "src");

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Packages => Path.Combine(Root, "artifacts", "packages");

    /// <summary>A folder under TestResults/ for files a person may want to look at after the run.</summary>
    public static string Artifacts(string name)
    {
        var dir = Path.Combine(Root, "TestResults", "notebooks", name);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
