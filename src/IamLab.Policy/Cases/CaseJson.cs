using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IamLab.Policy.Diagnostics;
using IamLab.Policy.Evaluation;

namespace IamLab.Policy.Cases;

/// <summary>Writes a case's result as one JSON object, in the shape docs/case-format.md documents.</summary>
public static class CaseJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    /// <summary>The result as a JSON text.</summary>
    public static string Write(CaseOutcome outcome, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(outcome, buffer, indented);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the result as UTF-8 JSON into <paramref name="output"/> (no line break).</summary>
    public static void Write(CaseOutcome outcome, IBufferWriter<byte> output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        using var json = new Utf8JsonWriter(output, indented ? Indented : Compact);
        Write(outcome, json);
    }

    /// <summary>Writes the result with a writer the caller owns and may reuse (after <see cref="Utf8JsonWriter.Reset()"/>).</summary>
    public static void Write(CaseOutcome outcome, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(json);
        var evalCase = outcome.Case;
        json.WriteStartObject();
        json.WriteString("name", evalCase.Name);
        if (outcome.Result is { } result)
        {
            json.WriteString("decision", result.Decision.ToName());
        }
        else
        {
            // A refused or unreadable case has no decision: printing one would claim AWS decides it.
            json.WriteNull("decision");
        }

        if (evalCase.HasExpectation)
        {
            json.WriteString("expected", evalCase.ExpectsRefusal ? "refused" : evalCase.Expected!.Value.ToName());
            json.WriteBoolean("pass", outcome.Pass);
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
        WriteDiagnostics(json, evalCase.Diagnostics, errors: true);
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
        if (evalCase.Diagnostics.Any(d => d.Severity == Severity.Warning))
        {
            json.WriteStartArray("warnings");
            WriteDiagnostics(json, evalCase.Diagnostics, errors: false);
            json.WriteEndArray();
        }

        if (outcome.Result is { } denied && denied.Decision != Decision.Allowed && outcome.Collector.Summary.Length > 0)
        {
            json.WriteString("reason", outcome.Collector.Summary);
        }

        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteDiagnostics(Utf8JsonWriter json, IReadOnlyList<Diagnostic> diagnostics, bool errors)
    {
        foreach (var d in diagnostics)
        {
            if ((d.Severity == Severity.Error) != errors || (!errors && d.Severity != Severity.Warning))
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("code", d.Code);
            json.WriteString("message", d.Message);
            json.WriteString("path", d.Path);
            json.WriteNumber("line", d.Position.Line);
            json.WriteNumber("column", d.Position.Column);
            json.WriteEndObject();
        }
    }
}
