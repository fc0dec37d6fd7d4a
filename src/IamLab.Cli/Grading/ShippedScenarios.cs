using System.Reflection;
using IamLab.Scenarios.Loading;

namespace IamLab.Cli.Grading;

/// <summary>
/// The scenarios the tool ships with: the <c>scenarios/</c> folder copied next to its binaries at build (also inside a
/// packed tool), else the repository's <c>scenarios/</c> the tool was built from (its path baked in at build). Never a
/// folder found from the current directory: a learner's repository could carry its own, easier checks.
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

    private static string? WithScenarios(string folder) => ScenarioCatalog.Ids(folder).Count > 0 ? folder : null;
}
