using System.Text;
using IamLab.Interactive.Views;
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
        var html = Html.Begin("iamlab-decision");
        var colour = view.IsAllowed ? Html.Green : Html.Red;
        html.Append("<div style=\"border-left:4px solid ").Append(colour).Append(";padding:4px 10px\">");
        html.Append("<div><b>Decision:</b> ").Append(Html.Badge(view.Decision, colour));
        if (view.Result.Decision == Decision.ExplicitDeny)
        {
            html.Append(' ').Append("<span class=\"iamlab-explicit-deny\" style=\"font-weight:700;color:").Append(Html.Red)
                .Append("\">⛔ EXPLICIT DENY: a Deny statement matched; no Allow can override it</span>");
        }

        html.Append("</div>");
        html.Append("<div><b>Request:</b> <code>").Append(Html.Encode(view.Caller)).Append("</code> → <code>").Append(Html.Encode(view.Action))
            .Append("</code> on <code>").Append(Html.Encode(view.Resource)).Append("</code></div>");
        if (!view.IsAllowed && view.Collector.Summary.Length > 0)
        {
            html.Append("<div><b>Why:</b> ").Append(Html.Encode(view.Collector.Summary)).Append("</div>");
        }

        if (view.DenialMessage is { } message)
        {
            html.Append("<div><b>AWS would answer:</b> <code>AccessDenied</code>: ").Append(Html.Encode(message)).Append("</div>");
        }

        AppendDeciding(html, view);
        foreach (var error in view.Collector.Errors)
        {
            html.Append("<div style=\"color:").Append(Html.Red).Append("\">Error in ").Append(Html.Encode(error.Statement.ToString())).Append(": <code>")
                .Append(Html.Encode(error.Code)).Append("</code> ").Append(Html.Encode(error.Message)).Append("</div>");
        }

        AppendChecks(html, view);
        html.Append("</div></div>");
        return html.ToString();
    }

    private static void AppendDeciding(StringBuilder html, DecisionView view)
    {
        if (view.Deciding.Count == 0)
        {
            html.Append("<div><i>No statement allowed this request.</i></div>");
            return;
        }

        html.Append("<div><b>").Append(view.Result.Decision == Decision.ExplicitDeny ? "Denied by" : "Allowed by").Append(":</b></div>");
        html.Append("<table class=\"iamlab-deciding\" style=\"border-collapse:collapse;margin-left:12px\">");
        html.Append("<tr><th style=\"text-align:left;padding:2px 8px\">policy</th><th style=\"text-align:left;padding:2px 8px\">statement</th>")
            .Append("<th style=\"text-align:left;padding:2px 8px\">effect</th><th style=\"text-align:left;padding:2px 8px\">conditions</th></tr>");
        foreach (var deciding in view.Deciding)
        {
            var statement = deciding.Statement;
            var effect = statement?.Effect.ToString() ?? "?";
            var effectColour = statement?.Effect == Effect.Deny ? Html.Red : Html.Green;
            html.Append("<tr><td style=\"padding:2px 8px\">").Append(Html.Encode(deciding.PolicyDescription)).Append(" <code>")
                .Append(Html.Encode(deciding.Reference.Policy.ToString())).Append("</code></td>");
            html.Append("<td style=\"padding:2px 8px\">#").Append(deciding.Reference.Statement);
            if (deciding.Reference.Sid is { } sid)
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
        var trace = view.Collector.Trace;
        if (trace.Count == 0)
        {
            return;
        }

        html.Append("<details open><summary><b>").Append(view.OnlyFailures ? "Checks that failed" : "Checks").Append("</b></summary><ul class=\"iamlab-checks\" style=\"list-style:none;padding-left:12px;margin:2px 0\">");

        // Element checks come before their statement's verdict in the trace: show the verdict, then its checks.
        var pending = new List<TraceEvent>();
        foreach (var e in trace)
        {
            if (e.Step is not (TraceStep.Statement or TraceStep.Rule))
            {
                pending.Add(e);
                continue;
            }

            if (!view.OnlyFailures || !e.Passed || e.Step == TraceStep.Rule)
            {
                html.Append("<li>").Append(Html.Mark(e.Passed)).Append(' ');
                if (e.Statement is { } where)
                {
                    html.Append("<code>").Append(Html.Encode(where.ToString())).Append("</code> ");
                }

                html.Append("<span style=\"color:").Append(e.Passed ? Html.Green : Html.Red).Append("\">").Append(Html.Encode(e.Detail)).Append("</span>");
                var shown = pending.Where(c => !view.OnlyFailures || !c.Passed).ToList();
                if (shown.Count > 0)
                {
                    html.Append("<ul style=\"list-style:none;padding-left:18px;margin:0\">");
                    foreach (var check in shown)
                    {
                        html.Append("<li>").Append(Html.Mark(check.Passed)).Append(" <i>").Append(check.Step.ToString()).Append("</i> <span style=\"color:")
                            .Append(check.Passed ? Html.Green : Html.Red).Append("\">").Append(Html.Encode(check.Detail)).Append("</span></li>");
                    }

                    html.Append("</ul>");
                }

                html.Append("</li>");
            }

            pending.Clear();
        }

        html.Append("</ul></details>");
    }
}
