using System.Text;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// The plain-text view of a <see cref="DecisionExplanation"/> (what <c>iamlab eval</c> prints): the decision, why, the
/// statements that decided it, and each statement weighed with its checks. With <c>onlyFailures</c> ("why was I
/// denied?") it shows <see cref="DecisionExplanation.Failures"/> and the checks that made them.
/// </summary>
public static class Explanation
{
    /// <summary>Renders the explanation as plain text lines.</summary>
    public static string Render(DecisionExplanation explanation, bool onlyFailures = false)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var text = new StringBuilder();
        text.Append("Decision: ").Append(explanation.Decision.ToName()).AppendLine();
        text.Append("Request: ").Append(explanation.Caller).Append(" → ").Append(explanation.Action).Append(" on ").Append(explanation.Resource).AppendLine();
        if (explanation.Summary.Length > 0)
        {
            text.Append("Why: ").Append(explanation.Summary).AppendLine();
        }

        if (explanation.Deciding.Count > 0)
        {
            text.AppendLine(explanation.Decision == Decision.ExplicitDeny ? "Denied by:" : "Allowed by:");
            foreach (var statement in explanation.Deciding)
            {
                text.Append("  ").Append(statement.ToString()).AppendLine();
            }
        }

        foreach (var error in explanation.Errors)
        {
            text.Append("Error in ").Append(error.Statement.ToString()).Append(": ").Append(error.Code).Append(' ').Append(error.Message).AppendLine();
        }

        if (explanation.Statements.Count > 0 || explanation.Rules.Count > 0)
        {
            text.AppendLine("Checks:");
            foreach (var statement in onlyFailures ? explanation.Failures : explanation.Statements)
            {
                text.Append("  ").Append(Mark(statement.Applies)).Append(statement.Reference.ToString()).Append(": ").Append(statement.Verdict.Detail).AppendLine();
                foreach (var check in onlyFailures ? statement.Reasons : statement.Checks)
                {
                    text.Append("      ").Append(Mark(check.Passed)).Append(check.Detail).AppendLine();
                }
            }

            foreach (var rule in explanation.Rules)
            {
                text.Append("  ").Append(Mark(rule.Passed)).Append(rule.Detail).AppendLine();
            }
        }

        return text.ToString();
    }

    private static string Mark(bool passed) => passed ? "✓ " : "✗ ";
}
