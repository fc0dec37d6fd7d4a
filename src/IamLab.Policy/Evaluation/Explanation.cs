using System.Text;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// Turns a decision and its trace into the words a learner reads: the decision, why, the statements
/// that decided it, and each check made. "Why was I denied?" is the same trace filtered to the checks
/// that failed.
/// </summary>
public static class Explanation
{
    /// <summary>Renders the explanation as plain text lines.</summary>
    public static string Render(AuthorizationRequest request, AuthorizationResult result, EvaluationCollector collector, bool onlyFailures = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(collector);
        var text = new StringBuilder();
        text.Append("Decision: ").Append(result.Decision.ToName()).AppendLine();
        text.Append("Request: ").Append(request.Caller.Text).Append(" → ").Append(request.Action).Append(" on ").Append(request.Resource).AppendLine();
        if (result.Decision != Decision.Allowed && collector.Summary.Length > 0)
        {
            text.Append("Why: ").Append(collector.Summary).AppendLine();
        }

        if (collector.Determining.Count > 0)
        {
            text.AppendLine(result.Decision == Decision.ExplicitDeny ? "Denied by:" : "Allowed by:");
            foreach (var statement in collector.Determining)
            {
                text.Append("  ").Append(statement.ToString()).AppendLine();
            }
        }

        foreach (var error in collector.Errors)
        {
            text.Append("Error in ").Append(error.Statement.ToString()).Append(": ").Append(error.Code).Append(' ').Append(error.Message).AppendLine();
        }

        if (collector.Trace.Count > 0)
        {
            text.AppendLine("Checks:");

            // Element checks are recorded before their statement's verdict; print each verdict first, then its checks.
            var pending = new List<TraceEvent>();
            foreach (var e in collector.Trace)
            {
                if (e.Step is not (TraceStep.Statement or TraceStep.Rule))
                {
                    pending.Add(e);
                    continue;
                }

                if (!onlyFailures || !e.Passed || e.Step == TraceStep.Rule)
                {
                    var where = e.Statement is { } s ? $"{s}: " : string.Empty;
                    text.Append("  ").Append(e.Passed ? "✓ " : "✗ ").Append(where).Append(e.Detail).AppendLine();
                    foreach (var check in pending.Where(c => !onlyFailures || !c.Passed))
                    {
                        text.Append("      ").Append(check.Passed ? "✓ " : "✗ ").Append(check.Detail).AppendLine();
                    }
                }

                pending.Clear();
            }
        }

        return text.ToString();
    }
}
