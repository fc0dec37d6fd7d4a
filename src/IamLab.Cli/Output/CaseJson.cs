using System.Buffers;
using System.Text;
using System.Text.Json;
using IamLab.Policy.Evaluation;

namespace IamLab.Cli.Output;

/// <summary>Writes a case's result as one JSON object, in the shape docs/case-format.md documents.</summary>
internal static class CaseJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(CaseOutcome outcome, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options with { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("name", outcome.Case.Name);
            if (outcome.Result is { } result)
            {
                json.WriteString("decision", result.Decision.ToName());
            }
            else
            {
                json.WriteNull("decision");
            }

            if (outcome.Case.Expected is { } expected)
            {
                json.WriteString("expected", expected.ToName());
                json.WriteBoolean("pass", !outcome.Mismatch && !outcome.Unreadable);
            }

            json.WriteStartArray("matched");
            foreach (var statement in outcome.Collector.Determining)
            {
                json.WriteStartObject();
                json.WriteString("policy", statement.Policy.ToString());
                json.WriteNumber("statement", statement.Statement);
                if (statement.Sid is null)
                {
                    json.WriteNull("sid");
                }
                else
                {
                    json.WriteString("sid", statement.Sid);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var d in outcome.Case.Diagnostics.Where(d => d.Severity == Policy.Diagnostics.Severity.Error))
            {
                json.WriteStartObject();
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteString("path", d.Path);
                json.WriteNumber("line", d.Position.Line);
                json.WriteNumber("column", d.Position.Column);
                json.WriteEndObject();
            }

            foreach (var e in outcome.Collector.Errors)
            {
                json.WriteStartObject();
                json.WriteString("code", e.Code);
                json.WriteString("message", e.Message);
                json.WriteString("policy", e.Statement.Policy.ToString());
                json.WriteNumber("statement", e.Statement.Statement);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (outcome.Result is { } denied && denied.Decision != Policy.Evaluation.Decision.Allowed && outcome.Collector.Summary.Length > 0)
            {
                json.WriteString("reason", outcome.Collector.Summary);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
