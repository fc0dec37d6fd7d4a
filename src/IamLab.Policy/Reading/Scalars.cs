using IamLab.Policy.Diagnostics;
using IamLab.Policy.Json;

namespace IamLab.Policy.Reading;

/// <summary>Reads the string and string-or-array values that policy elements hold.</summary>
internal static class Scalars
{
    public static string? RequireString(SourceNode node, string element, string path, List<Diagnostic> diagnostics)
    {
        if (node.Kind == SourceKind.String)
        {
            return node.Text;
        }

        diagnostics.Add(Findings.WrongType(element, "a string", node.KindName, path, node.Position));
        return null;
    }

    /// <summary>
    /// Reads a string or an array of strings. <paramref name="allowScalars"/> lets numbers and booleans
    /// through as their text, as AWS does for condition values.
    /// </summary>
    public static List<(string Text, SourcePosition Position, string Path)> ReadList(SourceNode node, string element, string path, bool allowScalars, List<Diagnostic> diagnostics, Severity emptySeverity)
    {
        var values = new List<(string, SourcePosition, string)>();
        if (node.Kind == SourceKind.Array)
        {
            if (node.Items.Count == 0)
            {
                diagnostics.Add(Findings.EmptyArray(element, emptySeverity, path, node.Position));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < node.Items.Count; i++)
            {
                var item = node.Items[i];
                var itemPath = $"{path}[{i}]";
                var text = allowScalars ? item.ScalarText : item.Kind == SourceKind.String ? item.Text : null;
                if (text is null)
                {
                    diagnostics.Add(Findings.WrongType(element, allowScalars ? "a string or an array of strings" : "a string or an array of strings", item.KindName, itemPath, item.Position));
                    continue;
                }

                if (!seen.Add(text))
                {
                    diagnostics.Add(Findings.RedundantValue(element, text, itemPath, item.Position));
                }

                values.Add((text, item.Position, itemPath));
            }

            return values;
        }

        var scalar = allowScalars ? node.ScalarText : node.Kind == SourceKind.String ? node.Text : null;
        if (scalar is null)
        {
            diagnostics.Add(Findings.WrongType(element, "a string or an array of strings", node.KindName, path, node.Position));
        }
        else
        {
            values.Add((scalar, node.Position, path));
        }

        return values;
    }
}
