using System.Text;

namespace IamLab.Endpoint.Auth;

/// <summary>
/// Builds SigV4's canonical request as AWS documents it:
/// <c>Method\nCanonicalURI\nCanonicalQueryString\nCanonicalHeaders\n\nSignedHeaders\nHashedPayload</c>.
/// </summary>
public static class CanonicalRequest
{
    /// <summary>Builds the canonical request text.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="signedHeaders">The lower-case names listed in <c>SignedHeaders</c>, in the order given.</param>
    /// <param name="payloadHash">The hashed-payload line: a hex SHA-256 or one of <see cref="ContentSha256"/>'s markers.</param>
    /// <param name="isS3">True for S3, which encodes path segments once and does not normalize the path.</param>
    /// <param name="excludeQuery">A query parameter left out (<c>X-Amz-Signature</c> for presigned URLs), or null.</param>
    /// <returns>The canonical request.</returns>
    public static string Build(
        SignedRequest request,
        IReadOnlyList<string> signedHeaders,
        string payloadHash,
        bool isS3,
        string? excludeQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        var builder = new StringBuilder();
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(Uri(request.RawPath, isS3)).Append('\n');
        builder.Append(Query(request.Query, excludeQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(HeaderValue(request.Headers[name])).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>
    /// The canonical URI: each segment of the raw path decoded and then URI-encoded once (S3) or twice
    /// (every other service, which also drops <c>.</c> and resolves <c>..</c> segments).
    /// </summary>
    /// <param name="rawPath">The path as sent.</param>
    /// <param name="isS3">Whether the S3 rules apply.</param>
    /// <returns>The canonical URI, at least <c>/</c>.</returns>
    public static string Uri(string rawPath, bool isS3)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        if (rawPath.Length == 0)
        {
            return "/";
        }

        var segments = rawPath.Split('/').Select(AwsUriEncoding.Decode).ToList();
        if (!isS3)
        {
            segments = Normalize(segments);
        }

        var encoded = segments.Select(s => isS3 ? AwsUriEncoding.Encode(s) : AwsUriEncoding.Encode(AwsUriEncoding.Encode(s)));
        var path = string.Join('/', encoded);
        return path.StartsWith('/') ? path : "/" + path;
    }

    /// <summary>The canonical query string: names and values URI-encoded, sorted by name then value, joined with <c>&amp;</c>.</summary>
    /// <param name="query">The decoded query pairs.</param>
    /// <param name="exclude">A parameter name to leave out, or null.</param>
    /// <returns>The canonical query string, empty when there are no parameters.</returns>
    public static string Query(IEnumerable<KeyValuePair<string, string>> query, string? exclude)
    {
        ArgumentNullException.ThrowIfNull(query);
        var encoded = query
            .Where(p => !string.Equals(p.Key, exclude, StringComparison.Ordinal))
            .Select(p => (Name: AwsUriEncoding.Encode(p.Key), Value: AwsUriEncoding.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', encoded.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>A header's canonical value: each value trimmed, runs of spaces collapsed to one, joined with commas.</summary>
    /// <param name="values">The header's values in the order received.</param>
    /// <returns>The canonical value.</returns>
    public static string HeaderValue(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Join(',', values.Select(v => string.Join(' ', v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
    }

    // RFC 3986 section 5.2.4 on already-split segments; the first, empty segment is the root.
    private static List<string> Normalize(List<string> segments)
    {
        var result = new List<string>(segments.Count);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var isLast = i == segments.Count - 1;
            if (segment == ".")
            {
                if (isLast)
                {
                    result.Add(string.Empty);
                }
            }
            else if (segment == "..")
            {
                if (result.Count > 1)
                {
                    result.RemoveAt(result.Count - 1);
                }

                if (isLast)
                {
                    result.Add(string.Empty);
                }
            }
            else
            {
                result.Add(segment);
            }
        }

        return result;
    }
}
