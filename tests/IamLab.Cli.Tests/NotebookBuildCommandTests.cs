using Xunit;

namespace IamLab.Cli.Tests;

/// <summary><c>iamlab notebook build</c>: the repository's generated files are its sources' output; stale files are named, and rebuilt.</summary>
public class NotebookBuildCommandTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Lab.sln above the test's folder.");
    }

    /// <summary>A repository of one lesson: Lab.sln, the cross-account scenario, and a source that uses it.</summary>
    private static string SmallRepository()
    {
        var root = Directory.CreateTempSubdirectory("iamlab-build-").FullName;
        File.WriteAllText(Path.Combine(root, "Lab.sln"), string.Empty);
        var scenario = Path.Combine(RepositoryRoot(), "scenarios", "cross-account-external-id");
        foreach (var file in Directory.EnumerateFiles(scenario, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "scenarios", "cross-account-external-id", Path.GetRelativePath(scenario, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(root, "notebooks", "src"));
        File.WriteAllText(Path.Combine(root, "notebooks", "src", "05-x.cells"), "%% setup\n%% markdown\n# Five\n%% exercises cross-account-external-id\n%% csharp\n#!lab-grade\n");
        return root;
    }

    [Fact]
    public async Task Check_OnTheRepository_FindsEveryGeneratedFileUpToDate()
    {
        var root = RepositoryRoot();
        var sources = Directory.GetFiles(Path.Combine(root, "notebooks", "src"), "*.cells").Length;

        var (status, output, error) = await CliRunner.Run("notebook", "build", "--check", "--root", root);

        Assert.True(status == 0, $"Regenerate with `iamlab notebook build` and commit the result. {error}");
        Assert.Contains($"up to date with {sources} source(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NamesTheFilesOutOfDate_AndBuildWritesThem()
    {
        var root = SmallRepository();

        var (before, _, staleError) = await CliRunner.Run("notebook", "build", "--check", "--root", root);
        var (built, builtOutput, _) = await CliRunner.Run("notebook", "build", "--root", root);
        var (after, _, _) = await CliRunner.Run("notebook", "build", "--check", "--root", root);

        Assert.Equal(1, before);
        Assert.Contains("out of date with notebooks/src (or the scenarios' starter files): notebooks/05-x.ipynb", staleError, StringComparison.Ordinal);
        Assert.Equal(0, built);
        Assert.Contains("wrote notebooks/05-x.ipynb", builtOutput, StringComparison.Ordinal);
        Assert.Equal(0, after);
        var notebook = File.ReadAllText(Path.Combine(root, "notebooks", "05-x.ipynb"));
        Assert.Contains("\"#!lab-policy trust-policy.json\\n\"", notebook, StringComparison.Ordinal);
        Assert.Contains("\"exercise\": \"trust-policy.json\"", notebook, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AfterAStarterFileChanges_NamesTheNotebook()
    {
        var root = SmallRepository();
        await CliRunner.Run("notebook", "build", "--root", root);
        var starter = Path.Combine(root, "scenarios", "cross-account-external-id", "starter", "trust-policy.json");
        File.WriteAllText(starter, File.ReadAllText(starter).Replace("\"Version\"", " \"Version\"", StringComparison.Ordinal));

        var (status, _, error) = await CliRunner.Run("notebook", "build", "--check", "--root", root);

        Assert.Equal(1, status);
        Assert.Contains("notebooks/05-x.ipynb", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NamesAGeneratedFileNoSourceGives_AndBuildDeletesIt()
    {
        var root = SmallRepository();
        await CliRunner.Run("notebook", "build", "--root", root);
        File.WriteAllText(Path.Combine(root, "notebooks", "99-gone.ipynb"), "{}");

        var (status, _, error) = await CliRunner.Run("notebook", "build", "--check", "--root", root);
        var (_, output, _) = await CliRunner.Run("notebook", "build", "--root", root);

        Assert.Equal(1, status);
        Assert.Contains("notebooks/99-gone.ipynb", error, StringComparison.Ordinal);
        Assert.Contains("deleted notebooks/99-gone.ipynb (no source gives it)", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "notebooks", "99-gone.ipynb")));
    }

    [Fact]
    public async Task Build_ASourceWithProblems_NamesEachWithItsLine_ExitsTwo_AndWritesNothing()
    {
        var root = SmallRepository();
        File.WriteAllText(Path.Combine(root, "notebooks", "src", "05-x.cells"), "stray text\n%% markdown\n# Five\n%% exercises no-such-scenario\n%% cell\n");

        var (status, _, error) = await CliRunner.Run("notebook", "build", "--root", root);

        Assert.Equal(2, status);
        var source = Path.Combine(root, "notebooks", "src", "05-x.cells");
        Assert.Contains($"{source}:1: text outside a cell; start a cell with \"%% markdown\" or \"%% csharp\".", error, StringComparison.Ordinal);
        Assert.Contains($"{source}:4: no scenario at {Path.Combine(root, "scenarios", "no-such-scenario")}.", error, StringComparison.Ordinal);
        Assert.Contains($"{source}:5: unknown cell marker \"%% cell\"", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "notebooks", "05-x.ipynb")));
    }

    [Fact]
    public async Task Build_OutsideARepository_ExitsTwo_SayingWhatToDo()
    {
        var folder = Directory.CreateTempSubdirectory("iamlab-norepo-").FullName;

        var (status, _, error) = await CliRunner.Run("notebook", "build", "--root", folder);

        Assert.Equal(2, status);
        Assert.Contains($"no Lab.sln in {folder}; run it in the lab's repository or give --root DIR.", error, StringComparison.Ordinal);
    }
}
