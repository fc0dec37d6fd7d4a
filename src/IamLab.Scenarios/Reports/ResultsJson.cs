using System.Text.Json;
using IamLab.Scenarios.Grading;

namespace IamLab.Scenarios.Reports;

/// <summary>Writes a <see cref="GradeReport"/> as JSON in the results format (docs/results-format.md).</summary>
public static class ResultsJson
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string Format = "iamlab-results/1";

    /// <summary>The report as a JSON document.</summary>
    public static string Write(GradeReport report, bool indented = true) =>
        JsonText.Write(indented, writer => Write(writer, report));

    /// <summary>Writes the report as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteString("scenario", report.Scenario);
        writer.WriteString("title", report.Title);
        writer.WriteString("submission", report.Submission);
        writer.WriteNumber("score", report.Score);
        writer.WriteNumber("maxScore", report.MaxScore);
        writer.WriteBoolean("passed", report.Passed);
        writer.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", check.Name);
            writer.WriteBoolean("hidden", check.Hidden);
            writer.WriteNumber("weight", check.Weight);
            writer.WriteNumber("score", check.Score);
            writer.WriteString("status", check.StatusName);
            writer.WriteString("message", check.Message);
            writer.WriteString("hint", check.Hint);
            writer.WriteStartArray("explanation");
            foreach (var line in check.Explanation)
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            if (check.File is not null)
            {
                writer.WriteStartObject("location");
                writer.WriteString("file", check.File);
                writer.WriteNumber("line", check.Line);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("location");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteFindings(writer, "errors", report.Errors);
        WriteFindings(writer, "findings", report.Findings);
        writer.WriteNumber("hintLevel", report.HintLevel);
        if (report.Notes is { } notes)
        {
            writer.WriteString("notes", notes);
        }
        else
        {
            writer.WriteNull("notes");
        }
        writer.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter writer, string name, IReadOnlyList<ReportFinding> findings)
    {
        writer.WriteStartArray(name);
        foreach (var f in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", f.Code);
            writer.WriteString("severity", f.Severity);
            writer.WriteString("message", f.Message);
            writer.WriteString("file", f.File);
            writer.WriteNumber("line", f.Line);
            writer.WriteNumber("column", f.Column);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
