using System.Globalization;
using System.Text;
using System.Text.Json;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Reports;

/// <summary>Writes a class's results as a CSV gradebook and a JSON gradebook (each row holding the full results object).</summary>
public static class Gradebook
{
    /// <summary>The format name gradebook.json carries.</summary>
    public const string Format = "iamlab-gradebook/1";

    /// <summary>
    /// CSV: submission, score, maxScore, percent, status, failedChecks (every check that did not pass, unearned ones
    /// included), then one column per check (<c>check:NAME</c>) holding its status (pass, fail, notRun, error, unearned).
    /// </summary>
    public static string Csv(IEnumerable<GradebookEntry> entries, int maxScore)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var names = list.Select(e => e.Outcome.Report).OfType<GradeReport>().FirstOrDefault()?.Checks.Select(c => c.Name).ToList() ?? [];
        var text = new StringBuilder("submission,score,maxScore,percent,status,failedChecks");
        foreach (var name in names)
        {
            text.Append(',').Append(Field("check:" + name));
        }

        text.Append('\n');
        foreach (var entry in list)
        {
            var report = entry.Outcome.Report;
            var score = report?.Score ?? 0;
            var max = report?.MaxScore ?? maxScore;
            var percent = max == 0 ? 100.0 : Math.Round(100.0 * score / max, 1);
            var failed = report is null ? string.Empty : string.Join(' ', report.Checks.Where(c => c.Status != CheckStatus.Pass).Select(c => c.Name));
            text.Append(Field(entry.Name)).Append(',').Append(score.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(max.ToString(CultureInfo.InvariantCulture)).Append(',').Append(percent.ToString("0.0", CultureInfo.InvariantCulture)).Append(',')
                .Append(Status(entry.Outcome)).Append(',').Append(Field(failed));
            foreach (var name in names)
            {
                text.Append(',').Append(report?.Checks.FirstOrDefault(c => c.Name == name)?.StatusName ?? string.Empty);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// JSON: the scenario, the maximum score, the share (<c>"shard": {"index": i, "count": n}</c>, only for a share of a
    /// class) and, per submission, its status and results object (or its problems).
    /// </summary>
    public static string Json(string scenario, IEnumerable<GradebookEntry> entries, int maxScore, Sharding.ShardSpec? shard = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return JsonText.Write(indented: true, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteString("scenario", scenario);
            writer.WriteNumber("maxScore", maxScore);
            if (shard is not null)
            {
                writer.WriteStartObject("shard");
                writer.WriteNumber("index", shard.Index);
                writer.WriteNumber("count", shard.Count);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("submissions");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("submission", entry.Name);
                writer.WriteString("status", Status(entry.Outcome));
                writer.WriteNumber("score", entry.Outcome.Report?.Score ?? 0);
                if (entry.Outcome.Report is { } report)
                {
                    writer.WritePropertyName("results");
                    ResultsJson.Write(writer, report);
                }
                else
                {
                    writer.WriteStartArray("problems");
                    foreach (var problem in entry.Outcome.Problems)
                    {
                        Problem(writer, problem);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>passed, failed, unreadable (the files could not be read or were refused), timedOut, or error (a bug in the grader).</summary>
    public static string Status(GradeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Report is { } report)
        {
            return report.Passed ? "passed" : "failed";
        }

        return (outcome.Problems.Count > 0 ? outcome.Problems[0].Code : null) switch
        {
            SubmissionCodes.Timeout => "timedOut",
            GradingCodes.InternalError => "error",
            _ => "unreadable",
        };
    }

    private static void Problem(Utf8JsonWriter writer, SubmissionProblem problem)
    {
        writer.WriteStartObject();
        writer.WriteString("code", problem.Code);
        writer.WriteString("message", problem.Message);
        writer.WriteString("file", problem.File);
        writer.WriteNumber("line", problem.Line);
        writer.WriteNumber("column", problem.Column);
        writer.WriteEndObject();
    }

    private static string Field(string value) => SafeText.CsvField(value);
}
