using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// Turns the engine's trace into the lines a learner reads, naming each policy by where it came from (the learner's
/// file and line, or the scenario's policy in words): for a denial, the statements that did not apply and the
/// element or condition that failed with the values compared; for an allow, the statements that granted it.
/// </summary>
internal static class TraceExplainer
{
    public static Explained Explain(AuthorizationResult result, EvaluationCollector collector, PolicySet policies, PolicyOrigins origins, bool isTrust,
        string? request = null)
    {
        var documents = policies.All().ToDictionary(p => p.Slot, p => p.Policy);
        var lines = new List<string>();
        if (request is not null)
        {
            lines.Add($"Request: {request} → {result.Decision.ToName()}");
        }

        string? file = null;
        var line = 0;

        (string Text, string? File, int Line) Name(StatementRef statement)
        {
            if (!documents.TryGetValue(statement.Policy, out var document))
            {
                return (statement.ToString(), null, 0);
            }

            var origin = origins.Find(document);
            var label = origin?.Label ?? statement.Policy.Describe(isTrust);
            var at = statement.Statement < document.Statements.Count ? document.Statements[statement.Statement].Position.Line : 0;
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

        var denied = result.Decision != Decision.Allowed;
        if (denied && collector.Summary.Length > 0)
        {
            lines.Add($"Why: {collector.Summary}");
        }

        if (collector.Determining.Count > 0)
        {
            lines.Add(result.Decision == Decision.ExplicitDeny ? "Denied by:" : "Allowed by:");
            foreach (var statement in collector.Determining)
            {
                var name = Name(statement);
                lines.Add($"  {name.Text}");
                Point(name.File, name.Line);
            }
        }

        // Element checks are recorded before their statement's verdict: print each verdict, then its checks.
        var pending = new List<TraceEvent>();
        var checks = new List<string>();
        foreach (var e in collector.Trace)
        {
            if (e.Step is not (TraceStep.Statement or TraceStep.Rule))
            {
                pending.Add(e);
                continue;
            }

            if (e.Step == TraceStep.Rule && !e.Passed && e.Detail != collector.Summary)
            {
                checks.Add($"  ✗ {e.Detail}");
            }
            else if (e.Step == TraceStep.Statement && e.Statement is { } statement && ShowStatement(e, statement, denied, collector)
                && (Name(statement).File is not null || !pending.Any(c => c.Step == TraceStep.Action && !c.Passed)))
            {
                var name = Name(statement);
                checks.Add($"  {(e.Passed ? "✓" : "✗")} {name.Text}: {e.Detail}");
                foreach (var check in pending.Where(c => c.Passed == e.Passed))
                {
                    checks.Add($"      {(check.Passed ? "✓" : "✗")} {Cut(check.Detail)}");
                }

                if (denied && !e.Passed)
                {
                    Point(name.File, name.Line);
                }
            }

            pending.Clear();
        }

        if (checks.Count > 0)
        {
            lines.Add("Checks:");
            lines.AddRange(checks);
        }

        foreach (var error in collector.Errors)
        {
            lines.Add($"Error in {Name(error.Statement).Text}: {error.Code} {error.Message}");
        }

        return new Explained(lines, file, line);
    }

    // For a denial, the statements that did not apply (and the Denies that did); for an allow, the ones that granted it.
    private static bool ShowStatement(TraceEvent e, StatementRef statement, bool denied, EvaluationCollector collector) =>
        denied ? e.Passed == (e.Effect == nameof(Effect.Deny)) : e.Passed && collector.Determining.Contains(statement);

    /// <summary>A request in words: who, what, on what, and the condition keys the check gave.</summary>
    public static string Describe(string principal, string action, string resource, IEnumerable<KeyValuePair<string, string[]>> keys)
    {
        var given = string.Join(", ", keys.Select(k => $"{k.Key}={string.Join("|", k.Value)}"));
        return $"{principal} {action} on {resource}{(given.Length == 0 ? string.Empty : $" with {given}")}";
    }

    private static string Cut(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 297), "...");
}
