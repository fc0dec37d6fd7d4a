using IamLab.Policy.Evaluation;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// The grader's view of a <see cref="DecisionExplanation"/>: names each policy by where it came from (the learner's file
/// and line, or the scenario's policy in words); for a denial shows <see cref="DecisionExplanation.Failures"/> with the
/// checks that made them, for an allow the statements that granted it; and points at the learner's file and line.
/// </summary>
internal static class TraceExplainer
{
    public static Explained Explain(DecisionExplanation explanation, PolicyOrigins origins, string? request = null)
    {
        var lines = new List<string>();
        if (request is not null)
        {
            lines.Add($"Request: {request} → {explanation.Decision.ToName()}");
        }

        string? file = null;
        var line = 0;

        (string Text, string? File, int Line) Name(StatementRef statement)
        {
            if (explanation.DocumentOf(statement.Policy) is not { } document)
            {
                return (statement.ToString(), null, 0);
            }

            var origin = origins.Find(document);
            var label = origin?.Label ?? explanation.Describe(statement.Policy);
            var at = explanation.Find(statement)?.Position.Line ?? 0;
            var sid = statement.Sid is null ? string.Empty : $" (\"{statement.Sid}\")";
            var where = origin?.File is not null && at > 0 ? $", line {at}" : string.Empty;
            return ($"{label} statement {statement.Statement}{sid}{where}", origin?.File, at);
        }

        void Point(string? atFile, int atLine)
        {
            if (file is null && atFile is not null)
            {
                file = atFile;
                line = atLine;
            }
        }

        var denied = !explanation.IsAllowed;
        if (explanation.Summary.Length > 0)
        {
            lines.Add($"Why: {explanation.Summary}");
        }

        if (explanation.Deciding.Count > 0)
        {
            lines.Add(explanation.Decision == Decision.ExplicitDeny ? "Denied by:" : "Allowed by:");
            foreach (var statement in explanation.Deciding)
            {
                var name = Name(statement);
                lines.Add($"  {name.Text}");
                Point(name.File, name.Line);
            }
        }

        var checks = new List<string>();
        foreach (var statement in denied ? explanation.Failures : explanation.Granting)
        {
            var name = Name(statement.Reference);

            // A scenario policy's statement about another action is noise; a learner's own statement never is.
            if (name.File is null && statement.FailedOn == TraceStep.Action)
            {
                continue;
            }

            checks.Add($"  {Mark(statement.Applies)} {name.Text}: {statement.Verdict.Detail}");
            checks.AddRange(statement.Reasons.Select(check => $"      {Mark(check.Passed)} {Cut(check.Detail)}"));
            if (denied && !statement.Applies)
            {
                Point(name.File, name.Line);
            }
        }

        checks.AddRange(explanation.FailedRules.Where(r => r.Detail != explanation.Summary).Select(r => $"  ✗ {r.Detail}"));
        if (checks.Count > 0)
        {
            lines.Add("Checks:");
            lines.AddRange(checks);
        }

        foreach (var error in explanation.Errors)
        {
            lines.Add($"Error in {Name(error.Statement).Text}: {error.Code} {error.Message}");
        }

        return new Explained(lines, file, line);
    }

    /// <summary>A request in words: who, what, on what, and the condition keys the check gave.</summary>
    public static string Describe(string principal, string action, string resource, IEnumerable<KeyValuePair<string, string[]>> keys)
    {
        var given = string.Join(", ", keys.Select(k => $"{k.Key}={string.Join("|", k.Value)}"));
        return $"{principal} {action} on {resource}{(given.Length == 0 ? string.Empty : $" with {given}")}";
    }

    private static string Mark(bool passed) => passed ? "✓" : "✗";

    private static string Cut(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 297), "...");
}
