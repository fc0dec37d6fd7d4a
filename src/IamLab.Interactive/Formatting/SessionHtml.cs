using System.Globalization;
using System.Text;
using IamLab.Interactive.Views;
using IamLab.World.Sts;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of a session: who it is, its masked credentials with the countdown, its claims, and the chain that led to it.</summary>
public static class SessionHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(SessionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var session = view.Session;
        var html = Html.Begin("iamlab-session");
        html.Append("<div><b>").Append(Html.Encode(session.Source)).Append("</b> → <code>").Append(Html.Encode(session.Arn)).Append("</code></div>");
        html.Append("<div>AssumedRoleId <code>").Append(Html.Encode(session.AssumedRoleId)).Append("</code>");
        if (session.SourceIdentity is { } sourceIdentity)
        {
            html.Append(", SourceIdentity <code>").Append(Html.Encode(sourceIdentity)).Append("</code>");
        }

        html.Append("</div>");
        CredentialsHtml.Append(html, new CredentialsView(session.Credentials, view.Now));
        if (session.Tags.Count > 0)
        {
            html.Append("<div>Session tags: ").Append(string.Join(", ", session.Tags.Select(t => $"<code>{Html.Encode(t.Key)}={Html.Encode(t.Value)}</code>"))).Append("</div>");
        }

        if (view.Claims is { Count: > 0 } claims)
        {
            html.Append("<details><summary>Claims (condition keys of the session)</summary><table style=\"border-collapse:collapse\">");
            foreach (var (key, values) in claims)
            {
                html.Append("<tr><td style=\"padding:1px 10px 1px 0\"><code>").Append(Html.Encode(key)).Append("</code></td><td><code>")
                    .Append(Html.Encode(string.Join(", ", values))).Append("</code></td></tr>");
            }

            html.Append("</table></details>");
        }

        AppendChain(html, view.Chain);
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>Renders a chain on its own.</summary>
    public static string RenderChain(IReadOnlyList<ChainHop> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var html = Html.Begin("iamlab-chain");
        AppendChain(html, chain);
        html.Append("</div>");
        return html.ToString();
    }

    private static void AppendChain(StringBuilder html, IReadOnlyList<ChainHop> chain)
    {
        if (chain.Count == 0)
        {
            return;
        }

        html.Append("<div style=\"margin-top:4px\"><b>Session chain</b> (origin first)</div><ol class=\"iamlab-chain-list\" style=\"margin:2px 0\">");
        for (var i = 0; i < chain.Count; i++)
        {
            var hop = chain[i];

            // A hop is chained when the hop before it is itself a role session (it has a start).
            var chained = i > 0 && chain[i - 1].Start is not null;
            html.Append("<li><code>").Append(Html.Encode(hop.Arn)).Append("</code> <i>").Append(Html.Encode(hop.Kind)).Append("</i>");
            if (hop.Start is { } start && hop.Expiration is { } expiration)
            {
                html.Append(" — ").Append(Html.Time(start)).Append(" → ").Append(Html.Time(expiration)).Append(" (").Append(Html.Duration(expiration - start)).Append(')');
            }

            if (hop.DurationCapSeconds is { } cap)
            {
                html.Append(", cap ").Append(string.Create(CultureInfo.InvariantCulture, $"{cap} s"))
                    .Append(chained ? " (role chaining caps a session at 1 h)" : " (the role's MaxSessionDuration)");
            }

            if (hop.PolicyLayers.Count > 0)
            {
                html.Append("<div style=\"color:#555\">policies: ").Append(string.Join("; ", hop.PolicyLayers.Select(Html.Encode))).Append("</div>");
            }

            html.Append("</li>");
        }

        html.Append("</ol>");
    }
}
