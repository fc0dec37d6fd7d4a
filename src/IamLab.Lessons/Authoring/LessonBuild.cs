namespace IamLab.Lessons.Authoring;

/// <summary>
/// <c>iamlab notebook build</c>: every <c>notebooks/src/NAME.cells</c> of a repository becomes <c>notebooks/NAME.ipynb</c>
/// and <c>labs/NAME.cs</c> (the same lesson as a C# file-based app). <see cref="Stale"/> names the generated files that differ
/// from what their sources give, and those left over from a source that is gone.
/// </summary>
public static class LessonBuild
{
    /// <summary>The folders of the build, relative to the repository root.</summary>
    public const string SourcesFolder = "notebooks/src", NotebooksFolder = "notebooks", LabsFolder = "labs";

    /// <summary>The sources of <paramref name="root"/>, in name order.</summary>
    public static IReadOnlyList<string> Sources(string root) =>
        Directory.Exists(Path.Combine(root, SourcesFolder))
            ? [.. Directory.EnumerateFiles(Path.Combine(root, SourcesFolder), "*.cells").Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Every file the sources of <paramref name="root"/> give, or every problem found in them.</summary>
    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<SourceProblem> Problems) Generate(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var files = new List<GeneratedFile>();
        var problems = new List<SourceProblem>();
        var scenarios = Path.Combine(root, "scenarios");
        foreach (var source in Sources(root))
        {
            var (lesson, found) = LessonSource.Read(source, scenarios);
            problems.AddRange(found);
            if (lesson is null)
            {
                continue;
            }

            files.Add(new GeneratedFile($"{NotebooksFolder}/{lesson.Name}.ipynb", NotebookJson.Write(lesson)));
            if (RunsAsApp(lesson))
            {
                files.Add(new GeneratedFile($"{LabsFolder}/{lesson.Name}.cs", LabAppWriter.Write(lesson)));
            }
        }

        return (files, problems);
    }

    /// <summary>
    /// Whether <paramref name="lesson"/> becomes a labs app: only a lesson that starts a scenario's world with
    /// <c>#!lab-scenario</c>. A labs app shows the lesson's C# cells without running them, so a lesson that builds its
    /// world in C# cells (16-in-the-real-world) would have every command fail there; it stays a notebook (docs/labs.md).
    /// </summary>
    public static bool RunsAsApp(Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        return lesson.Cells.Any(c => c.Kind == LessonCellKind.Code && c.Text.Split('\n').Any(l => l.TrimStart().StartsWith("#!lab-scenario", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The generated files of <paramref name="root"/> that are out of date (their text differs, or they are missing), and
    /// the generated files no source gives any more (<c>notebooks/*.ipynb</c>, <c>labs/*.cs</c>), as relative paths.
    /// </summary>
    public static IReadOnlyList<string> Stale(string root, IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var stale = files.Where(f => Read(root, f.RelativePath) != f.Text).Select(f => f.RelativePath).ToList();
        stale.AddRange(Orphans(root, files));
        return stale;
    }

    /// <summary>Writes the files that are out of date and deletes the orphans; returns the relative paths it changed.</summary>
    public static IReadOnlyList<string> Write(string root, IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var changed = new List<string>();
        foreach (var file in files.Where(f => Read(root, f.RelativePath) != f.Text))
        {
            var path = Full(root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
            changed.Add(file.RelativePath);
        }

        foreach (var orphan in Orphans(root, files))
        {
            File.Delete(Full(root, orphan));
            changed.Add(orphan);
        }

        return changed;
    }

    private static IEnumerable<string> Orphans(string root, IReadOnlyList<GeneratedFile> files)
    {
        var generated = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        foreach (var (folder, pattern) in new[] { (NotebooksFolder, "*.ipynb"), (LabsFolder, "*.cs") })
        {
            var directory = Path.Combine(root, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal))
            {
                var relative = $"{folder}/{Path.GetFileName(path)}";
                if (!generated.Contains(relative))
                {
                    yield return relative;
                }
            }
        }
    }

    private static string Full(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string? Read(string root, string relative)
    {
        var path = Full(root, relative);
        return File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
    }
}
