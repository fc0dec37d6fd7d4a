using System.Text;
using IamLab.Interactive.Views;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of temporary credentials: the access key id, the secret and token masked, and the expiry with a live countdown.</summary>
public static class CredentialsHtml
{
    // Counts down every element marked with data-iamlab-expires; written with each output so a saved notebook still counts.
    // Counts down every element marked with data-iamlab-left (seconds left when the output was made, by the world's clock,
    // which for a scenario is not today's date); written with each output so a saved notebook still counts.
    private const string CountdownScript =
        "<script type=\"text/javascript\">(function(){function tick(){var els=document.querySelectorAll('[data-iamlab-left]');" +
        "for(var i=0;i<els.length;i++){var el=els[i];if(!el.getAttribute('data-iamlab-t0')){el.setAttribute('data-iamlab-t0',String(Date.now()));}" +
        "var left=parseInt(el.getAttribute('data-iamlab-left'),10)-Math.floor((Date.now()-parseInt(el.getAttribute('data-iamlab-t0'),10))/1000);" +
        "if(isNaN(left)){continue;}if(left<=0){el.textContent='expired';el.style.color='" + Html.Red + "';continue;}" +
        "var h=Math.floor(left/3600),m=Math.floor(left%3600/60),s=left%60;el.textContent='expires in '+(h>0?h+' h ':'')+m+' min '+s+' s';}}" +
        "if(!window.__iamlabCountdown){window.__iamlabCountdown=setInterval(tick,1000);}tick();})();</script>";

    /// <summary>Renders credentials as shown at <see cref="CredentialsView.Now"/>.</summary>
    public static string Render(CredentialsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = Html.Begin("iamlab-credentials");
        Append(html, view);
        html.Append("</div>");
        return html.ToString();
    }

    internal static void Append(StringBuilder html, CredentialsView view)
    {
        var credentials = view.Credentials;
        html.Append("<table class=\"iamlab-credentials-table\" style=\"border-collapse:collapse\">");
        Row(html, "AccessKeyId", "<code>" + Html.Encode(credentials.AccessKeyId) + "</code>");
        Row(html, "SecretAccessKey", "<code class=\"iamlab-masked\">" + Html.Encode(Secrets.Mask(credentials.SecretAccessKey)) + "</code>");
        if (credentials.SessionToken is not null)
        {
            Row(html, "SessionToken", "<code class=\"iamlab-masked\">" + Html.Encode(Secrets.Mask(credentials.SessionToken)) + "</code>");
        }

        if (credentials.Expiration is { } expiration)
        {
            var left = expiration - view.Now;
            var status = left <= TimeSpan.Zero ? "expired" : $"expires in {Html.Duration(left)}";
            Row(html, "Expiration", $"<code>{Html.Time(expiration)}</code> <span class=\"iamlab-countdown\" data-iamlab-expires=\"{Html.Time(expiration)}\" data-iamlab-left=\"{Math.Max(0, (long)left.TotalSeconds)}\" style=\"color:{(left <= TimeSpan.Zero ? Html.Red : Html.Green)}\">{Html.Encode(status)}</span>");
        }
        else
        {
            Row(html, "Expiration", "<i>never (long-term access key)</i>");
        }

        html.Append("</table>");
        if (credentials.Expiration is not null)
        {
            html.Append(CountdownScript);
        }
    }

    private static void Row(StringBuilder html, string name, string valueHtml) =>
        html.Append("<tr><td style=\"padding:1px 10px 1px 0;font-weight:600\">").Append(name).Append("</td><td style=\"padding:1px 0\">").Append(valueHtml).Append("</td></tr>");
}
