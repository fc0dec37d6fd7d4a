using System.Text;
using System.Text.RegularExpressions;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Export;

/// <summary>
/// <c>iamlab class export</c>: a learner repository made from the lab. It takes only what learners need (the lab's
/// sources to build the tool and the notebook extension, the scenarios without <c>solution/</c> and <c>answers/</c>,
/// the notebooks and <c>labs/</c> of the chosen scenarios, the docs, LEARNING.md) and adds a README, a <c>work/</c>
/// folder of starter copies and a workflow that runs the visible checks. Everything else is listed as left out.
/// Any file that still holds an answer's text or statement (<see cref="SolutionFingerprints"/>) is left out too.
/// </summary>
public static partial class ClassExport
{
    // What the learners get from the lab's root, besides the generated files. Anything else at the root is left out.
    private static readonly string[] CopiedFolders = ["src", "docs", "notebooks", "labs", ".devcontainer", ".config", "localstack"];
    private static readonly string[] CopiedFiles = ["LEARNING.md", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props",
        "global.json", "nuget.config", "NuGet.config", ".gitignore", ".editorconfig"];
    private static readonly string[] BuildOutputs = ["bin", "obj", "artifacts", "TestResults", ".vs", ".idea", "BenchmarkDotNet.Artifacts", ".iamlab"];

    /// <summary>Decides what an export of the lab at <paramref name="labRoot"/> writes and leaves out.</summary>
    /// <param name="labRoot">The lab's root folder (holding <c>scenarios/</c>).</param>
    /// <param name="scenarioIds">The scenarios to export, or null for all of them.</param>
    public static ExportPlan Plan(string labRoot, IReadOnlyList<string>? scenarioIds)
    {
        ArgumentNullException.ThrowIfNull(labRoot);
        var scenariosFolder = Path.Combine(labRoot, ScenarioCatalog.FolderName);
        var all = ScenarioCatalog.Ids(scenariosFolder);
        if (all.Count == 0)
        {
            return Refused(new ExportProblem(ExportCodes.NoLab, $"{labRoot} holds no lab scenarios (no {ScenarioCatalog.FolderName}/<id>/scenario.yaml)."));
        }

        var unknown = (scenarioIds ?? []).Where(id => !all.Contains(id, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return Refused([.. unknown.Select(id => new ExportProblem(ExportCodes.UnknownScenario,
                $"There is no scenario \"{id}\" in {scenariosFolder}; the scenarios are: {string.Join(", ", all)}."))]);
        }

        var loaded = new List<Scenario>();
        var problems = new List<ExportProblem>();
        foreach (var id in scenarioIds?.Distinct(StringComparer.Ordinal) ?? all)
        {
            var result = ScenarioLoader.Load(Path.Combine(scenariosFolder, id));
            if (result.IsSuccess)
            {
                loaded.Add(result.Scenario!);
            }
            else
            {
                problems.AddRange(result.Problems.Select(p => new ExportProblem(ExportCodes.ScenarioBroken, $"{id}: {p}")));
            }
        }

        if (problems.Count > 0)
        {
            return Refused([.. problems]);
        }

        var chosen = loaded.OrderBy(s => s.Order ?? int.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var chosenIds = chosen.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var fingerprints = new SolutionFingerprints();
        foreach (var id in all)
        {
            fingerprints.AddScenario(Path.Combine(scenariosFolder, id), $"{ScenarioCatalog.FolderName}/{id}");
        }

        // Hidden checks and other teacher material beside the scenarios: known before any file is copied.
        foreach (var folder in Directory.EnumerateDirectories(scenariosFolder).Where(f => !all.Contains(Path.GetFileName(f), StringComparer.Ordinal)))
        {
            fingerprints.AddHidden(folder, $"{ScenarioCatalog.FolderName}/{Path.GetFileName(folder)}");
        }

        var builder = new Builder(fingerprints);
        foreach (var entry in Directory.EnumerateFileSystemEntries(scenariosFolder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            var relative = $"{ScenarioCatalog.FolderName}/{name}";
            if (FileKinds.Of(entry) != FileKind.Directory)
            {
                builder.CopyFile(entry, relative);
            }
            else if (all.Contains(name, StringComparer.Ordinal))
            {
                if (chosenIds.Contains(name))
                {
                    CopyScenario(builder, entry, relative);
                }
                else
                {
                    builder.Leave(relative + "/", "not one of the scenarios chosen with --scenarios");
                }
            }
            else
            {
                builder.Leave(relative + "/", "not a scenario (hidden checks or other teacher material)");
            }
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(labRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name is ".git" or ScenarioCatalog.FolderName || BuildOutputs.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var kind = FileKinds.Of(entry);
            if (name == ".gitignore" && kind == FileKind.Regular)
            {
                builder.Add(name, [.. File.ReadAllBytes(entry), .. Encoding.UTF8.GetBytes("\n# The reports of the visible checks (.github/iamlab-check.sh)\nresults/\n")]);
            }
            else if (CopiedFiles.Contains(name, StringComparer.Ordinal) && kind != FileKind.Directory)
            {
                builder.CopyFile(entry, name);
            }
            else if (CopiedFolders.Contains(name, StringComparer.Ordinal) && kind != FileKind.Regular)
            {
                builder.CopyFolder(entry, name, file => LessonFilter(file, all, chosenIds));
            }
            else if (name == "Lab.sln" && kind == FileKind.Regular)
            {
                builder.Add(name, Encoding.UTF8.GetBytes(LearnerSolutionFile.Filter(File.ReadAllText(entry))));
                builder.Leave(name, "replaced by a solution of the src/ projects only (the tests and benchmarks hold the answers)");
            }
            else if (name == "README.md")
            {
                builder.Leave(name, "replaced by a README for learners");
            }
            else
            {
                builder.Leave(kind == FileKind.Directory ? name + "/" : name, "for the lab's authors and teachers, not for learners");
            }
        }

        foreach (var scenario in chosen)
        {
            foreach (var file in scenario.Files)
            {
                var starter = Path.Combine(scenario.Directory, "starter", file.Name);
                if (FileKinds.Of(starter) != FileKind.Missing)
                {
                    builder.CopyFile(starter, $"{LearnerRepositoryTexts.WorkFolder}/{scenario.Id}/{file.Name}");
                }
            }
        }

        builder.Add("README.md", Encoding.UTF8.GetBytes(LearnerRepositoryTexts.Readme(chosen)));
        builder.Add(LearnerRepositoryTexts.WorkflowPath, Encoding.UTF8.GetBytes(LearnerRepositoryTexts.Workflow()));
        builder.Add(LearnerRepositoryTexts.ScriptPath, Encoding.UTF8.GetBytes(LearnerRepositoryTexts.Script()), executable: true);
        return new ExportPlan([.. chosen.Select(s => s.Id)], builder.Files, builder.LeftOut, []);
    }

    /// <summary>
    /// Writes <paramref name="plan"/> into <paramref name="target"/>, which must not exist or be an empty folder, and must
    /// not be a symbolic link; every file is created new (an existing file or link is never written through).
    /// </summary>
    public static IReadOnlyList<ExportProblem> Write(ExportPlan plan, string target)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(target);
        if (plan.Problems.Count > 0)
        {
            return plan.Problems;
        }

        var refusal = CheckTarget(target);
        if (refusal is not null)
        {
            return [refusal];
        }

        var root = Path.GetFullPath(target);
        try
        {
            Directory.CreateDirectory(root);
            foreach (var file in plan.Files)
            {
                var path = Path.Combine(root, file.Path);
                CreateFolders(root, Path.GetDirectoryName(path)!);
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(file.Content.Span);
                }

                if (file.Executable && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                        | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ExportProblem(ExportCodes.WriteFailed, $"Cannot write the export in {target}: {e.Message}")];
        }

        return [];
    }

    /// <summary>Why <paramref name="target"/> cannot receive an export, or null when it can.</summary>
    public static ExportProblem? CheckTarget(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var full = Path.GetFullPath(target);
        var info = new DirectoryInfo(full);
        if (info.LinkTarget is not null || new FileInfo(full).LinkTarget is not null)
        {
            return new ExportProblem(ExportCodes.TargetIsLink, $"{target} is a symbolic link; give a real folder (the export never writes through links).");
        }

        if (File.Exists(full))
        {
            return new ExportProblem(ExportCodes.TargetNotEmpty, $"{target} is a file; give a new or empty folder.");
        }

        if (info.Exists && info.EnumerateFileSystemInfos().Any())
        {
            return new ExportProblem(ExportCodes.TargetNotEmpty, $"{target} is not empty; give a new or empty folder (the export never overwrites).");
        }

        // The nearest folder that exists on the way to the target is where the export starts writing: not through a link.
        for (var parent = info.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Exists)
            {
                return parent.LinkTarget is not null
                    ? new ExportProblem(ExportCodes.TargetIsLink, $"{parent.FullName}, on the way to {target}, is a symbolic link; give a real folder.")
                    : null;
            }
        }

        return null;
    }

    private static void CreateFolders(string root, string folder)
    {
        var missing = new Stack<string>();
        for (var current = folder; !string.Equals(current, root, StringComparison.Ordinal); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        foreach (var path in missing)
        {
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is not null)
            {
                throw new IOException($"{path} became a symbolic link while exporting; nothing is written through it.");
            }

            if (!info.Exists)
            {
                info.Create();
            }
        }
    }

    private static void CopyScenario(Builder builder, string folder, string relative)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name is "solution" or "answers")
            {
                builder.Leave($"{relative}/{name}/", name == "solution" ? "the reference solution" : "the corpus of right and wrong answers");
            }
            else if (FileKinds.Of(entry) == FileKind.Directory)
            {
                builder.CopyFolder(entry, $"{relative}/{name}", _ => null);
            }
            else
            {
                builder.CopyFile(entry, $"{relative}/{name}");
            }
        }
    }

    // A notebook or lab named NN-<id> belongs to scenario <id>: only the chosen scenarios' go. A notebook that puts a
    // scenario's reference solution in place (--solution) cannot run without it, and would show it: it stays out.
    private static string? LessonFilter(string file, IReadOnlyList<string> all, HashSet<string> chosen)
    {
        var name = Path.GetFileName(file);
        if (LessonName().Match(name) is { Success: true } lesson && all.Contains(lesson.Groups["id"].Value, StringComparer.Ordinal)
            && !chosen.Contains(lesson.Groups["id"].Value))
        {
            return "a lesson of a scenario not chosen with --scenarios";
        }

        if (name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) && SolutionDirective().IsMatch(File.ReadAllText(file)))
        {
            return "it runs a scenario with its reference solution in place (#!lab-scenario ... --solution), which learners do not get";
        }

        return null;
    }

    private static ExportPlan Refused(params ExportProblem[] problems) => new([], [], [], problems);

    [GeneratedRegex(@"^\d+-(?<id>[a-z0-9-]+?)(\.cells|\.ipynb|\.cs|\.md)?$")]
    private static partial Regex LessonName();

    [GeneratedRegex(@"#!lab-scenario\s+[^\n""]*--solution")]
    private static partial Regex SolutionDirective();
}
