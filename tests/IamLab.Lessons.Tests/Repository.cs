namespace IamLab.Lessons.Tests;

/// <summary>The repository the tests run in (found from the test's output folder upwards).</summary>
internal static class Repository
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

    public static string Labs => Path.Combine(Root, "labs");

    public static string Scenarios => Path.Combine(Root, "scenarios");

    /// <summary>A fresh folder under the system's temporary folder.</summary>
    public static string TempFolder() => Directory.CreateTempSubdirectory("iamlab-labs-").FullName;
}
