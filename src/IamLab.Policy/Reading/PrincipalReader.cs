using IamLab.Policy.Diagnostics;
using IamLab.Policy.Json;
using IamLab.Policy.Model;

namespace IamLab.Policy.Reading;

/// <summary>Reads a Principal or NotPrincipal element.</summary>
internal static class PrincipalReader
{
    private static readonly string[] Types = ["AWS", "Service", "Federated", "CanonicalUser"];

    public static PrincipalElement? Read(Dictionary<string, SourceNode> members, string path, List<Diagnostic> diagnostics)
    {
        var hasPlain = members.TryGetValue("Principal", out var plain);
        var hasNot = members.TryGetValue("NotPrincipal", out var negated);
        if (hasPlain && hasNot)
        {
            diagnostics.Add(Findings.BothElements("Principal", path, plain!.Position));
        }

        if (!hasPlain && !hasNot)
        {
            return null;
        }

        var isNot = !hasPlain;
        var node = hasPlain ? plain! : negated!;
        var name = isNot ? "NotPrincipal" : "Principal";
        var elementPath = $"{path}.{name}";
        if (node.Kind == SourceKind.String)
        {
            if (node.Text == "*")
            {
                return new PrincipalElement(isNot, isWildcard: true, [], node.Position);
            }

            diagnostics.Add(Findings.WrongType(name, "\"*\" or an object such as {\"AWS\": \"...\"}", $"the string \"{Findings.Quote(node.Text!)}\"", elementPath, node.Position));
            return new PrincipalElement(isNot, false, [], node.Position);
        }

        if (node.Kind != SourceKind.Object)
        {
            diagnostics.Add(Findings.WrongType(name, "\"*\" or an object such as {\"AWS\": \"...\"}", node.KindName, elementPath, node.Position));
            return new PrincipalElement(isNot, false, [], node.Position);
        }

        var values = new List<PrincipalValue>();
        foreach (var property in node.Properties)
        {
            var typePath = $"{elementPath}.{property.Name}";
            PrincipalType type;
            switch (property.Name)
            {
                case "AWS": type = PrincipalType.Aws; break;
                case "Service": type = PrincipalType.Service; break;
                case "Federated": type = PrincipalType.Federated; break;
                case "CanonicalUser": type = PrincipalType.CanonicalUser; break;
                default:
                    diagnostics.Add(Findings.UnknownPrincipalType(property.Name, typePath, property.NamePosition, Suggestions.Nearest(property.Name, Types)));
                    continue;
            }

            foreach (var (text, position, valuePath) in Scalars.ReadList(property.Value, property.Name, typePath, allowScalars: false, diagnostics, Severity.Error))
            {
                if (!PrincipalSyntax.IsValid(type, text))
                {
                    diagnostics.Add(type == PrincipalType.Service ? Findings.InvalidServicePrincipal(text, valuePath, position) : Findings.InvalidPrincipal(text, valuePath, position));
                }

                values.Add(new PrincipalValue(type, text, position));
            }
        }

        return new PrincipalElement(isNot, isWildcard: false, values, node.Position);
    }
}
