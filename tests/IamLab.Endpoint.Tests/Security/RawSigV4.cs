using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// An attacker's SigV4 signer, written from AWS's "Create a signed AWS API request" page and independent of the
/// endpoint's code: it signs what the signer means (decoded query values, a path) so a test can then send something
/// else on the wire, exactly as a raw HTTP client would.
/// </summary>
internal static class RawSigV4
{
    public const string Region = "us-east-1";

    /// <summary>The <c>Authorization</c> header for a request, with <c>host</c>, <c>x-amz-date</c> and the given headers signed.</summary>
    public static string Authorization(string method, string canonicalPath, IEnumerable<KeyValuePair<string, string>> query,
        IReadOnlyDictionary<string, string> headers, string payloadHash, string accessKeyId, string secret, string service, string timestamp)
    {
        var signedHeaders = string.Join(';', headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal));
        var canonicalHeaders = string.Concat(headers.OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(h => $"{h.Key.ToLowerInvariant()}:{h.Value.Trim()}\n"));
        var canonical = $"{method}\n{canonicalPath}\n{CanonicalQuery(query)}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";
        var date = timestamp[..8];
        var scope = $"{date}/{Region}/{service}/aws4_request";
        var signature = Signature(secret, date, service, $"AWS4-HMAC-SHA256\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}");
        return $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    /// <summary>A presigned query string (without <c>?</c>) for <paramref name="query"/> plus the X-Amz-* parameters; only <c>host</c> signed.</summary>
    public static string Presign(string method, string canonicalPath, IEnumerable<KeyValuePair<string, string>> query, string host,
        string accessKeyId, string secret, string service, string timestamp, string payloadHash = "UNSIGNED-PAYLOAD")
    {
        var date = timestamp[..8];
        var scope = $"{date}/{Region}/{service}/aws4_request";
        var all = query.Concat(
        [
            KeyValuePair.Create("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            KeyValuePair.Create("X-Amz-Credential", $"{accessKeyId}/{scope}"),
            KeyValuePair.Create("X-Amz-Date", timestamp),
            KeyValuePair.Create("X-Amz-Expires", "300"),
            KeyValuePair.Create("X-Amz-SignedHeaders", "host"),
        ]).ToList();
        var canonical = $"{method}\n{canonicalPath}\n{CanonicalQuery(all)}\nhost:{host}\n\nhost\n{payloadHash}";
        var signature = Signature(secret, date, service, $"AWS4-HMAC-SHA256\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}");
        return CanonicalQuery(all) + "&X-Amz-Signature=" + signature;
    }

    public static string Now() => DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Sha256(string body) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>RFC 3986 encoding of every byte but <c>A-Z a-z 0-9 - _ . ~</c>, as SigV4 asks.</summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' ? c.ToString() : $"%{b:X2}");
        }

        return text.ToString();
    }

    private static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join('&', query.Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    private static string Signature(string secret, string date, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, Region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
