using System.Reflection;
using IamLab.Scenarios.Loading;

namespace IamLab.Cli.Grading;

/// <summary>
/// The scenarios the tool ships with: the <c>scenarios/</c> folder copied next to its binaries at build (in the packed
/// .NET tool, only the learners' part: no <c>solution/</c>, <c>answers/</c> or <c>hidden-example/</c>), else the
/// repository's <c>scenarios/</c> the tool was built from (its path baked in at build). Never a folder found from the
/// current directory: a learner's repository could carry its own, easier checks.
/// </summary>
internal static class ShippedScenarios
{
    /// <summary>The assembly metadata key holding the repository's scenarios path.</summary>
    public const string MetadataKey = "IamLabScenarios";

    /// <summary>The shipped scenarios folder, or null when the tool has none.</summary>
    public static string? Folder() => NextToBinaries() ?? BuiltFrom();

    /// <summary><c>scenarios/</c> next to the tool's binaries, when it holds scenarios.</summary>
    public static string? NextToBinaries() => WithScenarios(Path.Combine(AppContext.BaseDirectory, ScenarioCatalog.FolderName));

    /// <summary>The repository's scenarios folder the tool was built from, when it still holds scenarios.</summary>
    public static string? BuiltFrom() =>
        typeof(ShippedScenarios).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value is { } path
            ? WithScenarios(path)
            : null;

    /// <summary>
    /// The lab repository the tool was built from (the folder holding <c>Lab.sln</c> and <c>scenarios/</c>), when it is
    /// still there; always null for the packed tool (its scenarios carry no answers), which reaches into no repository
    /// even on the machine it was packed on.
    /// </summary>
    public static string? Repository()
    {
        if (NextToBinaries() is { } shipped && !HoldAnswers(shipped))
        {
            return null;
        }

        return BuiltFrom() is { } scenarios && Path.GetDirectoryName(Path.GetFullPath(scenarios)) is { } root && File.Exists(Path.Combine(root, "Lab.sln"))
            ? root
            : null;
    }

    /// <summary>
    /// Whether any scenario in <paramref name="folder"/> has its <c>solution/</c>: false for the packed tool's scenarios,
    /// which leave the solutions and answers out so that a learner who installs the tool cannot read them.
    /// </summary>
    public static bool HoldAnswers(string folder) =>
        ScenarioCatalog.Ids(folder).Any(id => Directory.Exists(Path.Combine(folder, id, "solution")));

    private static string? WithScenarios(string folder) => ScenarioCatalog.Ids(folder).Count > 0 ? folder : null;
}
