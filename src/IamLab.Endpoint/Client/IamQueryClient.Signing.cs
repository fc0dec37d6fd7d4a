using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using IamLab.Endpoint.Auth;

namespace IamLab.Endpoint.Client;

/// <summary>
/// Signs AWS Query protocol requests (form-encoded POST to <c>/</c>) with Signature Version 4, for the lab's own
/// IAM client and for tools that talk to STS without the SDK (the load generator).
/// </summary>
public static class QueryRequestSigner
{
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Encodes parameters as a form body, each name and value percent-encoded as SigV4 expects (RFC 3986).</summary>
    /// <param name="parameters">The parameters, <c>Action</c> and <c>Version</c> included.</param>
    /// <returns>The body.</returns>
    public static string Form(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>Builds a signed POST of <paramref name="form"/> to the endpoint's root.</summary>
    /// <param name="endpoint">The endpoint, e.g. <c>http://127.0.0.1:4566</c>.</param>
    /// <param name="service">The signing name, e.g. <c>iam</c> or <c>sts</c>.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="form">The form body.</param>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret.</param>
    /// <param name="sessionToken">The session token of temporary credentials, or null.</param>
    /// <param name="now">The signing time.</param>
    /// <returns>The request, ready to send.</returns>
    public static HttpRequestMessage Sign(Uri endpoint, string service, string region, string form,
        string accessKeyId, string secretAccessKey, string? sessionToken, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(form);
        var body = Encoding.UTF8.GetBytes(form);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var timestamp = AwsTimestamp.ToText(now);
        var date = timestamp[..8];
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var headers = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("content-type", FormContentType),
            KeyValuePair.Create("host", host),
            KeyValuePair.Create("x-amz-date", timestamp),
        };
        if (sessionToken is not null)
        {
            headers.Add(KeyValuePair.Create("x-amz-security-token", sessionToken));
        }

        var signedHeaders = headers.Select(h => h.Key).ToArray();
        var canonical = CanonicalRequest.Build(new SignedRequest("POST", "/", [], headers, payloadHash), signedHeaders, payloadHash, false, null);
        var scope = $"{date}/{region}/{service}/{SigV4Signing.Terminator}";
        var stringToSign = SigV4Signing.StringToSign(timestamp, scope, canonical);
        var signature = SigV4Signing.Sign(SigV4Signing.DeriveSigningKey(secretAccessKey, date, region, service), stringToSign);

        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/"))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(FormContentType);
        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("X-Amz-Date", timestamp);
        if (sessionToken is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", sessionToken);
        }

        message.Headers.TryAddWithoutValidation("Authorization",
            $"{SigV4Signing.Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={string.Join(';', signedHeaders)}, Signature={signature}");
        return message;
    }
}
