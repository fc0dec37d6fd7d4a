using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IamLab.Client;

/// <summary>
/// Signs AWS Query protocol requests (form-encoded POST to <c>/</c>) with Signature Version 4, for the lab's own
/// IAM client and for tools that talk to STS without the SDK (the load generator). Written from AWS's "Create a
/// signed AWS API request" page and independent of the endpoint's verifier, so each checks the other.
/// </summary>
public static class QueryRequestSigner
{
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";
    private const string Algorithm = "AWS4-HMAC-SHA256";

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
        ArgumentNullException.ThrowIfNull(form);
        return Sign(endpoint, service, region, form, FormContentType, null, accessKeyId, secretAccessKey, sessionToken, now);
    }

    /// <summary>
    /// Builds a signed POST of a JSON 1.1 protocol request (CloudTrail's): <paramref name="json"/> as the body, the
    /// operation in the signed <c>X-Amz-Target</c> header.
    /// </summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="service">The signing name, e.g. <c>cloudtrail</c>.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="json">The JSON body.</param>
    /// <param name="target">The <c>X-Amz-Target</c>, e.g. <c>com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents</c>.</param>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret.</param>
    /// <param name="sessionToken">The session token of temporary credentials, or null.</param>
    /// <param name="now">The signing time.</param>
    /// <returns>The request, ready to send.</returns>
    public static HttpRequestMessage SignJson(Uri endpoint, string service, string region, string json, string target,
        string accessKeyId, string secretAccessKey, string? sessionToken, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(target);
        return Sign(endpoint, service, region, json, "application/x-amz-json-1.1", target, accessKeyId, secretAccessKey, sessionToken, now);
    }

    private static HttpRequestMessage Sign(Uri endpoint, string service, string region, string text, string contentType, string? target,
        string accessKeyId, string secretAccessKey, string? sessionToken, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var body = Encoding.UTF8.GetBytes(text);
        var payloadHash = Hex(SHA256.HashData(body));
        var timestamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = timestamp[..8];
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = contentType,
            ["host"] = host,
            ["x-amz-date"] = timestamp,
        };
        if (sessionToken is not null)
        {
            headers["x-amz-security-token"] = sessionToken;
        }

        if (target is not null)
        {
            headers["x-amz-target"] = target;
        }

        // Canonical request of a POST to "/" with no query: method, path, empty query, headers, signed names, body hash.
        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = $"POST\n/\n\n{string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n"))}\n{signedHeaders}\n{payloadHash}";
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/"))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("X-Amz-Date", timestamp);
        if (sessionToken is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", sessionToken);
        }

        message.Headers.TryAddWithoutValidation("Authorization",
            $"{Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        return message;
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
