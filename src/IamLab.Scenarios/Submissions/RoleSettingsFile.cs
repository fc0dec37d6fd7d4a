using System.Globalization;
using IamLab.Policy.Diagnostics;
using IamLab.Policy.Json;
using IamLab.Scenarios.Grading;

namespace IamLab.Scenarios.Submissions;

/// <summary>
/// The <c>role-settings</c> file kind: a JSON array of IAM UpdateRole requests, each written as the AWS CLI's
/// <c>aws iam update-role --cli-input-json</c> takes one (<c>RoleName</c>, and <c>MaxSessionDuration</c> and/or
/// <c>Description</c>). The grader applies them, in order, through the world's UpdateRole (the operation the endpoint's
/// UpdateRole uses), so IAM's own limits and AWS's error texts apply; this reader only checks the shape, with the line and
/// column of every problem.
/// </summary>
public static class RoleSettingsFile
{
    /// <summary>The kind's name in scenario.yaml.</summary>
    public const string KindName = "role-settings";

    /// <summary>The file that changes nothing (the empty submission's and a starter's text).</summary>
    public const string EmptyText = "[]\n";

    private static readonly string[] Fields = ["RoleName", "MaxSessionDuration", "Description"];

    /// <summary>Reads a role-settings file's text.</summary>
    public static RoleSettingsRead Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var (root, error) = SourceReader.Read(text);
        if (root is null)
        {
            diagnostics.Add(Problem($"The file is not valid JSON: {error!.Message}", "$", error.Position));
            return new RoleSettingsRead([], diagnostics);
        }

        if (root.Kind != SourceKind.Array)
        {
            diagnostics.Add(Problem($"A role-settings file is an array of UpdateRole requests such as [{{\"RoleName\": \"MyRole\", \"MaxSessionDuration\": 7200}}], not {root.KindName}.",
                "$", root.Position));
            return new RoleSettingsRead([], diagnostics);
        }

        var entries = new List<RoleSettingsEntry>();
        for (var i = 0; i < root.Items.Count; i++)
        {
            if (ReadEntry(root.Items[i], $"$[{i}]", diagnostics) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return new RoleSettingsRead(entries, diagnostics);
    }

    private static RoleSettingsEntry? ReadEntry(SourceNode node, string path, List<Diagnostic> diagnostics)
    {
        if (node.Kind != SourceKind.Object)
        {
            diagnostics.Add(Problem($"An UpdateRole request is an object with \"RoleName\" and \"MaxSessionDuration\", not {node.KindName}.", path, node.Position));
            return null;
        }

        var before = diagnostics.Count;
        SourceProperty? name = null, duration = null, description = null;
        foreach (var property in node.Properties)
        {
            var at = $"{path}.{property.Name}";
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                diagnostics.Add(Problem($"\"{property.Name}\" is not a field of an UpdateRole request here (RoleName, MaxSessionDuration, Description).",
                    at, property.NamePosition, Suggestions.Nearest(property.Name, Fields)));
                continue;
            }

            var seen = property.Name switch { "RoleName" => name, "MaxSessionDuration" => duration, _ => description };
            if (seen is not null)
            {
                diagnostics.Add(Problem($"\"{property.Name}\" is written twice in this request.", at, property.NamePosition));
                continue;
            }

            _ = property.Name switch
            {
                "RoleName" => name = property,
                "MaxSessionDuration" => duration = property,
                _ => description = property,
            };
        }

        if (name is null)
        {
            diagnostics.Add(Problem("The request has no \"RoleName\": name the role to change.", path, node.Position));
        }
        else if (name.Value.Kind != SourceKind.String || string.IsNullOrEmpty(name.Value.Text))
        {
            diagnostics.Add(Problem($"\"RoleName\" is the role's name as a string, not {name.Value.KindName}.", $"{path}.RoleName", name.Value.Position));
        }

        int? seconds = null;
        if (duration is not null)
        {
            if (duration.Value.Kind != SourceKind.Number
                || !int.TryParse(duration.Value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                diagnostics.Add(Problem($"\"MaxSessionDuration\" is a whole number of seconds (3600 to 43200), not {Shown(duration.Value)}.",
                    $"{path}.MaxSessionDuration", duration.Value.Position));
            }
            else
            {
                seconds = parsed;
            }
        }

        if (description is not null && description.Value.Kind != SourceKind.String)
        {
            diagnostics.Add(Problem($"\"Description\" is a string, not {description.Value.KindName}.", $"{path}.Description", description.Value.Position));
        }

        if (duration is null && description is null && name is not null)
        {
            diagnostics.Add(Problem("The request changes nothing: give \"MaxSessionDuration\" (or \"Description\").", path, node.Position));
        }

        return diagnostics.Count > before ? null
            : new RoleSettingsEntry(name!.Value.Text!, seconds, description?.Value.Text, node.Position, name.Value.Position, duration?.Value.Position ?? node.Position);
    }

    private static string Shown(SourceNode node) => node.Kind == SourceKind.Number ? node.Text! : node.Kind == SourceKind.String ? $"the string \"{node.Text}\"" : node.KindName;

    private static Diagnostic Problem(string message, string path, SourcePosition position, string? suggestion = null) =>
        new(GradingCodes.RoleSettingsInvalid, Severity.Error, message, path, position, suggestion);
}
