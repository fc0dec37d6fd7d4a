using IamLab.Interactive.Views;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of an STS call AWS would refuse: the error code and message, then the engine's decision when it was a deny.</summary>
public static class StsFailureHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(StsFailureView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = Html.Begin("iamlab-sts-error");
        html.Append("<div style=\"border-left:4px solid ").Append(Html.Red).Append(";padding:4px 10px\"><div><b>")
            .Append(Html.Encode(view.Operation)).Append("</b> refused: ").Append(Html.Badge(view.Code, Html.Red)).Append("</div><div>")
            .Append(Html.Encode(view.Message)).Append("</div></div>");
        if (view.Decision is { } decision)
        {
            html.Append(DecisionHtml.Render(decision));
        }

        html.Append("</div>");
        return html.ToString();
    }
}
