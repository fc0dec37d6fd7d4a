using System.Buffers;
using System.Text;
using System.Text.Json;
using IamLab.Policy.Model;

namespace IamLab.Policy.Writing;

/// <summary>
/// Writes a policy back to JSON in one canonical shape: elements in AWS's documented order, single values
/// as strings and several as arrays, Statement as written (object or array).
/// </summary>
public static class PolicyWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The policy as indented JSON.</summary>
    public static string Write(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (policy.Version is not null)
            {
                json.WriteString("Version", policy.Version);
            }

            if (policy.Id is not null)
            {
                json.WriteString("Id", policy.Id);
            }

            json.WritePropertyName("Statement");
            if (policy.StatementIsArray)
            {
                json.WriteStartArray();
            }

            foreach (var statement in policy.Statements)
            {
                WriteStatement(json, statement);
            }

            if (policy.StatementIsArray)
            {
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStatement(Utf8JsonWriter json, Statement statement)
    {
        json.WriteStartObject();
        if (statement.Sid is not null)
        {
            json.WriteString("Sid", statement.Sid);
        }

        json.WriteString("Effect", statement.Effect.ToString());
        if (statement.Principal is { } principal)
        {
            json.WritePropertyName(principal.IsNot ? "NotPrincipal" : "Principal");
            if (principal.IsWildcard)
            {
                json.WriteStringValue("*");
            }
            else
            {
                json.WriteStartObject();
                foreach (var group in principal.Values.GroupBy(v => v.Type))
                {
                    json.WritePropertyName(group.Key switch
                    {
                        PrincipalType.Aws => "AWS",
                        PrincipalType.Service => "Service",
                        PrincipalType.Federated => "Federated",
                        _ => "CanonicalUser",
                    });
                    WriteValues(json, group.Select(v => v.Text).ToList());
                }

                json.WriteEndObject();
            }
        }

        WriteList(json, statement.Action, "Action");
        WriteList(json, statement.Resource, "Resource");
        if (statement.Conditions.Count > 0)
        {
            json.WriteStartObject("Condition");
            foreach (var byOperator in statement.Conditions.GroupBy(c => c.Operator.Name))
            {
                json.WriteStartObject(byOperator.Key);
                foreach (var condition in byOperator)
                {
                    json.WritePropertyName(condition.Key);
                    WriteValues(json, condition.Values.Select(v => v.Text).ToList());
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, ValueList? list, string element)
    {
        if (list is null)
        {
            return;
        }

        json.WritePropertyName(list.IsNot ? "Not" + element : element);
        WriteValues(json, list.Values.Select(v => v.Text).ToList());
    }

    private static void WriteValues(Utf8JsonWriter json, List<string> values)
    {
        if (values.Count == 1)
        {
            json.WriteStringValue(values[0]);
            return;
        }

        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
