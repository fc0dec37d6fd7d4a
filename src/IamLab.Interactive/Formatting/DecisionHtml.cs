using System.Text;
using IamLab.Interactive.Views;
using IamLab.Policy.Conditions;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;

namespace IamLab.Interactive.Formatting;

/// <summary>
/// The HTML of an engine decision: the decision (allowed in green, denied in red, an explicit deny marked), why, the
/// statements that decided it, and every check of the trace with the values compared.
/// </summary>
public static class DecisionHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(DecisionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var explanation = view.Explanation;
        var html = Html.Begin("iamlab-decision");
        var colour = view.IsAllowed ? Html.Green : Html.Red;
        html.Append("<div style=\"border-left:4px solid ").Append(colour).Append(";padding:4px 10px\">");
        html.Append("<div><b>Decision:</b> ").Append(Html.Badge(view.Decision, colour));
        if (explanation.Decision == Decision.ExplicitDeny)
        {
            html.Append(' ').Append("<span class=\"iamlab-explicit-deny\" style=\"font-weight:700;color:").Append(Html.Red)
                .Append("\">⛔ EXPLICIT DENY: a Deny statement matched; no Allow can override it</span>");
        }

        html.Append("</div>");
        html.Append("<div><b>Request:</b> <code>").Append(Html.Encode(explanation.Caller)).Append("</code> → <code>").Append(Html.Encode(explanation.Action))
            .Append("</code> on <code>").Append(Html.Encode(explanation.Resource)).Append("</code></div>");
        if (explanation.Summary.Length > 0)
        {
            html.Append("<div><b>Why:</b> ").Append(Html.Encode(explanation.Summary)).Append("</div>");
        }

        if (view.DenialMessage is { } message)
        {
            html.Append("<div><b>AWS would answer:</b> <code>AccessDenied</code>: ").Append(Html.Encode(message)).Append("</div>");
        }

        AppendDeciding(html, explanation);
        foreach (var error in explanation.Errors)
        {
            html.Append("<div style=\"color:").Append(Html.Red).Append("\">Error in ").Append(Html.Encode(error.Statement.ToString())).Append(": <code>")
                .Append(Html.Encode(error.Code)).Append("</code> ").Append(Html.Encode(error.Message)).Append("</div>");
        }

        AppendChecks(html, view);
        html.Append("</div></div>");
        return html.ToString();
    }

    private static void AppendDeciding(StringBuilder html, DecisionExplanation explanation)
    {
        if (explanation.Deciding.Count == 0)
        {
            html.Append("<div><i>No statement allowed this request.</i></div>");
            return;
        }

        html.Append("<div><b>").Append(explanation.Decision == Decision.ExplicitDeny ? "Denied by" : "Allowed by").Append(":</b></div>");
        html.Append("<table class=\"iamlab-deciding\" style=\"border-collapse:collapse;margin-left:12px\">");
        html.Append("<tr><th style=\"text-align:left;padding:2px 8px\">policy</th><th style=\"text-align:left;padding:2px 8px\">statement</th>")
            .Append("<th style=\"text-align:left;padding:2px 8px\">effect</th><th style=\"text-align:left;padding:2px 8px\">conditions</th></tr>");
        foreach (var reference in explanation.Deciding)
        {
            var statement = explanation.Find(reference);
            var effect = statement?.Effect.ToString() ?? "?";
            var effectColour = statement?.Effect == Effect.Deny ? Html.Red : Html.Green;
            html.Append("<tr><td style=\"padding:2px 8px\">").Append(Html.Encode(explanation.Describe(reference.Policy))).Append(" <code>")
                .Append(Html.Encode(reference.Policy.ToString())).Append("</code></td>");
            html.Append("<td style=\"padding:2px 8px\">#").Append(reference.Statement);
            if (reference.Sid is { } sid)
            {
                html.Append(" <code>").Append(Html.Encode(sid)).Append("</code>");
            }

            html.Append("</td><td style=\"padding:2px 8px;color:").Append(effectColour).Append(";font-weight:600\">").Append(Html.Encode(effect)).Append("</td>");
            html.Append("<td style=\"padding:2px 8px\">").Append(statement is null ? string.Empty : Html.Encode(ConditionText.Of(statement.Conditions))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendChecks(StringBuilder html, DecisionView view)
    {
        var explanation = view.Explanation;
        if (explanation.Statements.Count == 0 && explanation.Rules.Count == 0)
        {
            return;
        }

        html.Append("<details open><summary><b>").Append(view.OnlyFailures ? "Checks that failed" : "Checks").Append("</b></summary><ul class=\"iamlab-checks\" style=\"list-style:none;padding-left:12px;margin:2px 0\">");
        foreach (var statement in view.OnlyFailures ? explanation.Failures : explanation.Statements)
        {
            html.Append("<li>").Append(Html.Mark(statement.Applies)).Append(" <code>").Append(Html.Encode(statement.Reference.ToString())).Append("</code> ");
            Detail(html, statement.Verdict);
            var shown = (view.OnlyFailures ? statement.Reasons : statement.Checks).ToList();
            if (shown.Count > 0)
            {
                html.Append("<ul style=\"list-style:none;padding-left:18px;margin:0\">");
                foreach (var check in shown)
                {
                    html.Append("<li>").Append(Html.Mark(check.Passed)).Append(" <i>").Append(check.Step.ToString()).Append("</i> ");
                    Detail(html, check);
                    html.Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</li>");
        }

        foreach (var rule in explanation.Rules)
        {
            html.Append("<li>").Append(Html.Mark(rule.Passed)).Append(' ');
            Detail(html, rule);
            html.Append("</li>");
        }

        html.Append("</ul></details>");
    }

    private static void Detail(StringBuilder html, TraceEvent e) =>
        html.Append("<span style=\"color:").Append(e.Passed ? Html.Green : Html.Red).Append("\">").Append(Html.Encode(e.Detail)).Append("</span>");
}
