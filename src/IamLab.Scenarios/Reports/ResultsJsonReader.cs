using System.Text.Json;
using IamLab.Scenarios.Grading;

namespace IamLab.Scenarios.Reports;

/// <summary>
/// Reads a results object written by <see cref="ResultsJson"/> back into a <see cref="GradeReport"/>, so that gradebook
/// parts graded by separate jobs merge into the same CSV, JSON, JUnit and HTML an unsharded run writes. Throws
/// <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> on a document that is not one (the caller reports it).
/// </summary>
public static class ResultsJsonReader
{
    /// <summary>The report held by <paramref name="results"/>.</summary>
    public static GradeReport Read(JsonElement results)
    {
        var checks = results.GetProperty("checks").EnumerateArray().Select(c =>
        {
            var location = c.GetProperty("location");
            return new CheckResult(c.GetProperty("name").GetString()!, c.GetProperty("hidden").GetBoolean(), c.GetProperty("weight").GetInt32(),
                StatusOf(c.GetProperty("status").GetString()), c.GetProperty("message").GetString()!, c.GetProperty("hint").GetString()!,
                [.. c.GetProperty("explanation").EnumerateArray().Select(l => l.GetString()!)],
                location.ValueKind == JsonValueKind.Object ? location.GetProperty("file").GetString() : null,
                location.ValueKind == JsonValueKind.Object ? location.GetProperty("line").GetInt32() : 0);
        }).ToList();
        return new GradeReport
        {
            Scenario = results.GetProperty("scenario").GetString()!,
            Title = results.GetProperty("title").GetString()!,
            Submission = results.GetProperty("submission").GetString()!,
            Checks = checks,
            Errors = Findings(results.GetProperty("errors")),
            Findings = Findings(results.GetProperty("findings")),
            HintLevel = results.GetProperty("hintLevel").GetInt32(),
            Notes = results.GetProperty("notes").ValueKind == JsonValueKind.String ? results.GetProperty("notes").GetString() : null,
        };
    }

    private static List<ReportFinding> Findings(JsonElement list) =>
        [.. list.EnumerateArray().Select(f => new ReportFinding(f.GetProperty("code").GetString()!, f.GetProperty("severity").GetString()!,
            f.GetProperty("message").GetString()!, f.GetProperty("file").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32()))];

    private static CheckStatus StatusOf(string? name) => name switch
    {
        "pass" => CheckStatus.Pass,
        "fail" => CheckStatus.Fail,
        "notRun" => CheckStatus.NotRun,
        "unearned" => CheckStatus.Unearned,
        "error" => CheckStatus.Error,
        _ => throw new JsonException($"\"{name}\" is not a check status (pass, fail, notRun, error, unearned)."),
    };
}
