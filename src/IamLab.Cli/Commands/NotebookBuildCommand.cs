using System.CommandLine;
using IamLab.Lessons.Authoring;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab notebook build [--check]</c>: generates <c>notebooks/*.ipynb</c> and <c>labs/*.cs</c> from <c>notebooks/src/*.cells</c>;
/// with <c>--check</c> writes nothing and exits 1 naming the generated files that are out of date.
/// </summary>
internal static class NotebookBuildCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 naming every generated file that is out of date with its source (for CI)." };
        var root = new Option<string?>("--root") { Description = "The repository (the folder holding Lab.sln); default: the nearest one from the working directory upwards." };
        var build = new Command("build", "Generate notebooks/*.ipynb and labs/*.cs from notebooks/src/*.cells (a lesson is written once).") { check, root };
        build.SetAction(parse => Run(parse.GetValue(root), parse.GetValue(check), output, error));
        return build;
    }

    private static int Run(string? rootOption, bool check, TextWriter output, TextWriter error)
    {
        var root = rootOption is null ? FindRoot(Environment.CurrentDirectory) : Path.GetFullPath(rootOption);
        if (root is null || !File.Exists(Path.Combine(root, "Lab.sln")))
        {
            error.WriteLine($"iamlab notebook build: {(root is null ? $"no Lab.sln in {Environment.CurrentDirectory} or above it" : $"no Lab.sln in {root}")}; run it in the lab's repository or give --root DIR.");
            return ExitCodes.UsageError;
        }

        var (files, problems) = LessonBuild.Generate(root);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine($"iamlab notebook build: {problem}");
            }

            return ExitCodes.UsageError;
        }

        if (check)
        {
            var stale = LessonBuild.Stale(root, files);
            if (stale.Count > 0)
            {
                error.WriteLine($"iamlab notebook build --check: out of date with notebooks/src (or the scenarios' starter files): {string.Join(", ", stale)}. Regenerate with: iamlab notebook build");
                return ExitCodes.Failed;
            }

            output.WriteLine($"{files.Count} generated file(s) are up to date with {LessonBuild.Sources(root).Count} source(s).");
            return ExitCodes.Success;
        }

        var changed = LessonBuild.Write(root, files);
        foreach (var path in changed)
        {
            output.WriteLine(File.Exists(Path.Combine(root, path)) ? $"wrote {path}" : $"deleted {path} (no source gives it)");
        }

        output.WriteLine($"{files.Count} generated file(s) from {LessonBuild.Sources(root).Count} source(s); {changed.Count} changed.");
        return ExitCodes.Success;
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lab.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
