namespace IamLab.Scenarios.Tests;

/// <summary>Paths in the repository and scratch folders (the CLI's own tests are in IamLab.Cli.Tests).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Scenario(string id) => Path.Combine(Scenarios, id);

    public static string Solution(string id) => Path.Combine(Scenarios, id, "solution");

    public static string Starter(string id) => Path.Combine(Scenarios, id, "starter");

    public static string HiddenExample => Path.Combine(Scenarios, "hidden-example");

    public static string Example => Path.Combine(Root, "examples", "submissions", "cross-account-external-id");

    /// <summary>A fresh folder holding copies of <paramref name="from"/>'s files, for a test to change.</summary>
    public static string CopyOf(string from)
    {
        var folder = Scratch();
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    public static string Scratch()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"iamlab-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lab.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository (no Lab.sln above " + AppContext.BaseDirectory + ").");
    }
}
