using IamLab.Policy.Diagnostics;
using IamLab.Policy.Json;
using IamLab.Policy.Model;

namespace IamLab.Policy.Reading;

/// <summary>Reads one statement object.</summary>
internal static class StatementReader
{
    private static readonly string[] Elements = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    public static Statement? Read(SourceNode node, int index, string path, bool variables, List<Diagnostic> diagnostics)
    {
        if (node.Kind != SourceKind.Object)
        {
            diagnostics.Add(Findings.NotAnObject("A statement", node.KindName, path, node.Position));
            return null;
        }

        var errorsBefore = diagnostics.Count(d => d.Severity == Severity.Error);
        var members = Members.Collect(node, path, Elements, diagnostics);

        string? sid = null;
        if (members.TryGetValue("Sid", out var sidNode))
        {
            sid = Scalars.RequireString(sidNode, "Sid", $"{path}.Sid", diagnostics);
        }

        Effect? effect = null;
        if (!members.TryGetValue("Effect", out var effectNode))
        {
            diagnostics.Add(Findings.MissingEffect(path, node.Position));
        }
        else if (Scalars.RequireString(effectNode, "Effect", $"{path}.Effect", diagnostics) is { } effectText)
        {
            effect = effectText switch
            {
                "Allow" => Effect.Allow,
                "Deny" => Effect.Deny,
                _ => null,
            };
            if (effect is null)
            {
                diagnostics.Add(Findings.InvalidEffect(effectText, $"{path}.Effect", effectNode.Position, Suggestions.Nearest(effectText, ["Allow", "Deny"])));
            }
        }

        var principal = PrincipalReader.Read(members, path, diagnostics);
        var action = ReadValueList(members, "Action", path, variables, diagnostics, required: true, node.Position);
        var resource = ReadValueList(members, "Resource", path, variables, diagnostics, required: false, node.Position);
        var conditions = members.TryGetValue("Condition", out var conditionNode)
            ? ConditionReader.Read(conditionNode, $"{path}.Condition", variables, diagnostics)
            : [];

        if (effect is null)
        {
            return null;
        }

        var statement = new Statement(index, sid, effect.Value, principal, action, resource, conditions, node.Position);
        statement.IsWellFormed = diagnostics.Count(d => d.Severity == Severity.Error) == errorsBefore && action is not null;
        return statement;
    }

    private static ValueList? ReadValueList(Dictionary<string, SourceNode> members, string element, string path, bool variables, List<Diagnostic> diagnostics, bool required, SourcePosition statementPosition)
    {
        var hasPlain = members.TryGetValue(element, out var plain);
        var hasNot = members.TryGetValue("Not" + element, out var negated);
        if (hasPlain && hasNot)
        {
            diagnostics.Add(Findings.BothElements(element, path, statementPosition));
        }

        if (!hasPlain && !hasNot)
        {
            if (required)
            {
                diagnostics.Add(Findings.MissingAction(path, statementPosition));
            }

            return null;
        }

        var isNot = !hasPlain;
        var node = hasPlain ? plain! : negated!;
        var name = isNot ? "Not" + element : element;
        var elementPath = $"{path}.{name}";
        var values = new List<PatternValue>();
        foreach (var (text, position, valuePath) in Scalars.ReadList(node, name, elementPath, allowScalars: false, diagnostics, Severity.Error))
        {
            if (text.Length == 0)
            {
                diagnostics.Add(Findings.EmptyValue(name, valuePath, position));
                continue;
            }

            var ok = element == "Action" ? ValueSyntax.IsAction(text) : ValueSyntax.IsResource(text);
            if (!ok)
            {
                diagnostics.Add(element == "Action" ? Findings.InvalidAction(text, valuePath, position) : Findings.InvalidArn(text, valuePath, position));
            }

            values.Add(new PatternValue(text, position, variables && element == "Resource"));
        }

        if (element == "Action")
        {
            RedundantActions.Report(values, elementPath, diagnostics);
        }

        return new ValueList(isNot, values, node.Position);
    }
}
