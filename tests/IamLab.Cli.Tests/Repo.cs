namespace IamLab.Cli.Tests;

/// <summary>Paths in the repository, the CLI run in process, and scratch folders.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string Scenario(string id) => Path.Combine(Scenarios, id);

    public static string Solution(string id) => Path.Combine(Scenarios, id, "solution");

    public static string Starter(string id) => Path.Combine(Scenarios, id, "starter");

    public static string HiddenExample => Path.Combine(Scenarios, "hidden-example");

    public static string Example => Path.Combine(Root, "examples", "submissions", "cross-account-external-id");

    public static async Task<(int Status, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var status = await CliApp.RunAsync([.. args, .. ScenariosOption(args)], output, error);
        return (status, output.ToString(), error.ToString());
    }

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

    // Commands that look scenarios up get the repository's folder unless the test names one; grading gets hint level 1
    // unless the test asks for hint levels, so that no test counts attempts in the user's state folder.
    private static string[] ScenariosOption(string[] args) =>
        [.. args.Length > 0 && args[0] is "grade" or "check" or "scenarios" && !args.Contains("--scenarios") ? ["--scenarios", Scenarios] : Array.Empty<string>(),
         .. args.Length > 0 && args[0] == "grade" && !args.Contains("--hint-level") && !args.Contains("--hint-state") && !args.Contains("--submissions") ? ["--hint-level", "1"] : Array.Empty<string>()];

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
