using System.Text;
using System.Text.RegularExpressions;

namespace IamLab.Scenarios.Export;

/// <summary>
/// The learner repository's <c>Lab.sln</c>: the lab's solution with only the projects under <c>src/</c> (the tool and the
/// notebook extension the learner builds), without the tests and benchmarks, which hold the answers. The notebooks'
/// first cell finds the repository root by this file.
/// </summary>
public static partial class LearnerSolutionFile
{
    /// <summary>The solution text with every project outside <c>src</c> removed, with its configuration and nesting lines.</summary>
    public static string Filter(string solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var lines = solution.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var dropped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (ProjectLine().Match(line) is { Success: true } project && !IsLearnerProject(project.Groups["path"].Value))
            {
                dropped.Add(project.Groups["guid"].Value);
            }
        }

        var kept = new StringBuilder();
        var skipping = false;
        foreach (var line in lines)
        {
            if (ProjectLine().Match(line) is { Success: true } project)
            {
                skipping = dropped.Contains(project.Groups["guid"].Value);
            }

            var drop = skipping || (!line.StartsWith("Project(", StringComparison.Ordinal) && dropped.Any(g => line.Contains(g, StringComparison.OrdinalIgnoreCase)));
            if (skipping && line.Trim() == "EndProject")
            {
                skipping = false;
            }

            if (!drop)
            {
                kept.Append(line).Append("\r\n");
            }
        }

        return kept.ToString().TrimEnd('\r', '\n') + "\r\n";
    }

    private static bool IsLearnerProject(string path) =>
        path == "src" || path.StartsWith("src\\", StringComparison.Ordinal) || path.StartsWith("src/", StringComparison.Ordinal);

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "[^"]*", "(?<path>[^"]*)", "(?<guid>\{[^}]+\})"$""")]
    private static partial Regex ProjectLine();
}
