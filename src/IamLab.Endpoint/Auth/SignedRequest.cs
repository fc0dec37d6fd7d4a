using System.Security.Cryptography;

namespace IamLab.Endpoint.Auth;

/// <summary>
/// A transport-neutral view of an HTTP request, holding exactly what SigV4 signs:
/// method, raw path, query pairs, headers and the payload's hash.
/// </summary>
public sealed class SignedRequest
{
    /// <summary>Creates the request model.</summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="rawPath">The path exactly as sent, still percent-encoded (e.g. <c>/bucket/a%20b</c>).</param>
    /// <param name="query">The decoded query pairs, in any order; see <see cref="ParseQueryString"/>.</param>
    /// <param name="headers">The headers; a name may repeat, names compare case-insensitively.</param>
    /// <param name="payloadHash">
    /// The lower-case hex SHA-256 of the body as received, or null when the body is streamed and not hashed
    /// (S3 then takes the hash from <c>X-Amz-Content-SHA256</c>).
    /// </param>
    public SignedRequest(
        string method,
        string rawPath,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string? payloadHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(rawPath);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        Method = method;
        RawPath = rawPath;
        Query = [.. query];
        Headers = headers.ToLookup(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        PayloadHash = payloadHash;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path exactly as sent, still percent-encoded.</summary>
    public string RawPath { get; }

    /// <summary>The decoded query pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>The headers, looked up case-insensitively; a name may carry several values.</summary>
    public ILookup<string, string> Headers { get; }

    /// <summary>The lower-case hex SHA-256 of the body, or null when it was not hashed.</summary>
    public string? PayloadHash { get; }

    /// <summary>Creates the model for a request whose whole body is in memory, hashing the body.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="rawPath">The path exactly as sent.</param>
    /// <param name="query">The decoded query pairs.</param>
    /// <param name="headers">The headers.</param>
    /// <param name="body">The body bytes (empty for none).</param>
    /// <returns>The request model with <see cref="PayloadHash"/> set.</returns>
    public static SignedRequest WithBody(
        string method,
        string rawPath,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body) =>
        new(method, rawPath, query, headers, Convert.ToHexStringLower(SHA256.HashData(body)));

    /// <summary>
    /// Splits a raw query string (with or without the leading <c>?</c>) into decoded pairs, decoding percent-escapes
    /// and reading <c>+</c> as a space, exactly as the handlers' parsers (form decoding, ASP.NET Core's query) read it.
    /// </summary>
    /// <remarks>
    /// INVARIANT: the signature covers the parameters the handlers act on. When the signature read a raw <c>+</c> as a
    /// plus sign and the handlers as a space, one signature covered two requests (<c>a%2Bb</c> and <c>a+b</c>). SigV4
    /// signers never send a raw <c>+</c> (they write <c>%2B</c> and <c>%20</c>), so reading it as a space costs them nothing.
    /// </remarks>
    /// <param name="rawQuery">The query string as sent.</param>
    /// <returns>The pairs in the order they appear; a name without <c>=</c> gets an empty value.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQueryString(string? rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(rawQuery))
        {
            return pairs;
        }

        foreach (var part in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var plain = part.Replace('+', ' ');
            pairs.Add(equals < 0
                ? KeyValuePair.Create(AwsUriEncoding.Decode(plain), string.Empty)
                : KeyValuePair.Create(AwsUriEncoding.Decode(plain[..equals]), AwsUriEncoding.Decode(plain[(equals + 1)..])));
        }

        return pairs;
    }

    /// <summary>The values of one header joined with commas, or null when the header is absent.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>The joined value or null.</returns>
    public string? Header(string name) =>
        Headers.Contains(name) ? string.Join(',', Headers[name]) : null;

    /// <summary>The first value of a query parameter (case-sensitive name), or null.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value or null.</returns>
    public string? QueryValue(string name)
    {
        foreach (var pair in Query)
        {
            if (string.Equals(pair.Key, name, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }
}
