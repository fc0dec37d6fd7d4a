
namespace IamLab.Cli.Tests.Teaching;

/// <summary>The repository the tests run in, scratch folders, and the built tool as a learner's script runs it.</summary>
internal static class LabPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    /// <summary>A new folder name under the temporary folder (not created).</summary>
    public static string NewFolderName() => Path.Combine(Path.GetTempPath(), $"iamlab-teach-{Guid.NewGuid():N}");

    public static string Scratch()
    {
        var folder = NewFolderName();
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The built iamlab.dll beside the tests (a project reference copies it).</summary>
    public static string ToolDll => typeof(CliApp).Assembly.Location;

    /// <summary>Every file under <paramref name="folder"/>, with its path relative to it.</summary>
    public static IEnumerable<(string Relative, string Full)> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), f));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lab.sln")) && Directory.Exists(Path.Combine(folder.FullName, "scenarios")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the repository (no Lab.sln above " + AppContext.BaseDirectory + ").");
    }
}
