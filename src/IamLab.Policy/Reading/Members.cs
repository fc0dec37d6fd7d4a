using IamLab.Policy.Diagnostics;
using IamLab.Policy.Json;

namespace IamLab.Policy.Reading;

/// <summary>Collects an object's members by name, reporting unknown and repeated ones.</summary>
internal static class Members
{
    public static Dictionary<string, SourceNode> Collect(SourceNode node, string path, IReadOnlyList<string> known, List<Diagnostic> diagnostics)
    {
        var members = new Dictionary<string, SourceNode>(StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            if (!known.Contains(property.Name))
            {
                diagnostics.Add(Findings.UnknownElement(property.Name, $"{path}.{property.Name}", property.NamePosition, Suggestions.Nearest(property.Name, known)));
                continue;
            }

            if (!members.TryAdd(property.Name, property.Value))
            {
                diagnostics.Add(Findings.DuplicateElement(property.Name, $"{path}.{property.Name}", property.NamePosition));
                members[property.Name] = property.Value;
            }
        }

        return members;
    }
}
