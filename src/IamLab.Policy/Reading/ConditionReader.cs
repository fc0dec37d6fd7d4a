using System.Globalization;
using IamLab.Policy.Conditions;
using IamLab.Policy.Diagnostics;
using IamLab.Policy.Json;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;

namespace IamLab.Policy.Reading;

/// <summary>Reads a Condition block and parses each value for its operator.</summary>
internal static class ConditionReader
{
    public static IReadOnlyList<Condition> Read(SourceNode node, string path, bool variables, List<Diagnostic> diagnostics)
    {
        var conditions = new List<Condition>();
        if (node.Kind != SourceKind.Object)
        {
            diagnostics.Add(Findings.WrongType("Condition", "an object of operators", node.KindName, path, node.Position));
            return conditions;
        }

        foreach (var operatorProperty in node.Properties)
        {
            var operatorPath = $"{path}.{operatorProperty.Name}";
            var parsed = ConditionOperator.Parse(operatorProperty.Name);
            if (parsed is null)
            {
                diagnostics.Add(Findings.UnknownOperator(operatorProperty.Name, operatorPath, operatorProperty.NamePosition, ConditionOperator.SuggestFor(operatorProperty.Name)));
                continue;
            }

            if (operatorProperty.Value.Kind != SourceKind.Object)
            {
                diagnostics.Add(Findings.WrongType(operatorProperty.Name, "an object of condition keys", operatorProperty.Value.KindName, operatorPath, operatorProperty.Value.Position));
                continue;
            }

            foreach (var keyProperty in operatorProperty.Value.Properties)
            {
                var keyPath = $"{operatorPath}.{keyProperty.Name}";
                var values = new List<ConditionValue>();
                foreach (var (text, position, valuePath) in Scalars.ReadList(keyProperty.Value, keyProperty.Name, keyPath, allowScalars: true, diagnostics, Severity.Warning))
                {
                    var value = new ConditionValue(text, position);
                    Parse(parsed, value, variables, valuePath, diagnostics);
                    values.Add(value);
                }

                conditions.Add(new Condition(parsed, keyProperty.Name, values, keyProperty.NamePosition));
            }
        }

        return conditions;
    }

    private static void Parse(ConditionOperator op, ConditionValue value, bool variables, string path, List<Diagnostic> diagnostics)
    {
        var text = value.Text;
        Diagnostic? problem = null;
        switch (op.Kind)
        {
            case OperatorKind.StringEquals or OperatorKind.StringNotEquals or OperatorKind.StringEqualsIgnoreCase or OperatorKind.StringNotEqualsIgnoreCase
                or OperatorKind.StringLike or OperatorKind.StringNotLike:
                value.Template = variables && text.Contains("${", StringComparison.Ordinal) ? PolicyTemplate.Parse(text) : null;
                break;
            case OperatorKind.ArnEquals or OperatorKind.ArnLike or OperatorKind.ArnNotEquals or OperatorKind.ArnNotLike:
                value.Template = variables && text.Contains("${", StringComparison.Ordinal) ? PolicyTemplate.Parse(text) : null;
                if (value.Template is null && text != "*" && !ValueSyntax.IsArnShaped(text, allowWildcards: true))
                {
                    problem = Findings.InvalidArn(text, path, value.Position);
                }

                break;
            case >= OperatorKind.NumericEquals and <= OperatorKind.NumericGreaterThanEquals:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    value.Number = number;
                }
                else
                {
                    problem = Findings.InvalidNumber(text, path, value.Position);
                }

                break;
            case >= OperatorKind.DateEquals and <= OperatorKind.DateGreaterThanEquals:
                if (DateValue.TryParse(text, out var date))
                {
                    value.Date = date;
                }
                else
                {
                    problem = Findings.InvalidDate(text, path, value.Position);
                }

                break;
            case OperatorKind.Bool or OperatorKind.Null:
                if (!text.Equals("true", StringComparison.OrdinalIgnoreCase) && !text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    problem = Findings.InvalidBool(text, path, value.Position);
                }

                break;
            case OperatorKind.BinaryEquals:
                var buffer = new byte[text.Length];
                if (Convert.TryFromBase64String(text, buffer, out var written))
                {
                    value.Binary = buffer[..written];
                }
                else
                {
                    problem = Findings.InvalidBinary(text, path, value.Position);
                }

                break;
            case OperatorKind.IpAddress or OperatorKind.NotIpAddress:
                if (IpNetwork.TryParse(text, out var network))
                {
                    value.Network = network;
                }
                else
                {
                    problem = Findings.InvalidIp(text, path, value.Position);
                }

                break;
        }

        if (problem is not null)
        {
            value.IsValid = false;
            diagnostics.Add(problem);
        }
    }
}
