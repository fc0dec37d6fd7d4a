using IamLab.Interactive.Views;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of the running endpoint: its URL, the SDK settings (secret masked) and a ready SDK snippet.</summary>
public static class EndpointHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(EndpointView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var url = view.Url.ToString().TrimEnd('/');
        var html = Html.Begin("iamlab-endpoint");
        html.Append("<div>").Append(Html.Badge("lab endpoint running", Html.Green)).Append(" <code>").Append(Html.Encode(url)).Append("</code>, signing as <code>")
            .Append(Html.Encode(view.Caller)).Append("</code></div>");
        html.Append("<table style=\"border-collapse:collapse\">");
        Row(html, "AWS_ENDPOINT_URL", url);
        Row(html, "AWS_ACCESS_KEY_ID", view.AccessKeyId);
        Row(html, "AWS_SECRET_ACCESS_KEY", Secrets.Mask(view.SecretAccessKey));
        Row(html, "AWS_REGION", view.Region);
        html.Append("</table>");
        if (view.InstanceMetadata.Count > 0)
        {
            html.Append("<div>Instance metadata (<code>AWS_EC2_METADATA_SERVICE_ENDPOINT</code> for a program acting as the instance):</div><table style=\"border-collapse:collapse\">");
            foreach (var (instance, imds) in view.InstanceMetadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Row(html, instance, imds.ToString().TrimEnd('/'));
            }

            html.Append("</table>");
        }

        html.Append("<pre style=\"background:#f6f8fa;padding:6px\">var sts = new Amazon.SecurityToken.AmazonSecurityTokenServiceClient(\n    new Amazon.SecurityToken.AmazonSecurityTokenServiceConfig { ServiceURL = IamLab.Interactive.Lab.EndpointUrl });\n")
            .Append("var s3 = new Amazon.S3.AmazonS3Client(new Amazon.S3.AmazonS3Config { ServiceURL = IamLab.Interactive.Lab.EndpointUrl, ForcePathStyle = true });</pre>");
        html.Append("</div>");
        return html.ToString();
    }

    private static void Row(System.Text.StringBuilder html, string name, string value) =>
        html.Append("<tr><td style=\"padding:1px 10px 1px 0\"><code>").Append(name).Append("</code></td><td><code>").Append(Html.Encode(value)).Append("</code></td></tr>");
}
