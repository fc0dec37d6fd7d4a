using System.Text;

namespace IamLab.Endpoint.S3;

/// <summary>
/// What a path-style S3 request addresses: the service (<c>/</c>), a bucket (<c>/BUCKET</c>) or an object
/// (<c>/BUCKET/KEY</c>). Read from the raw request target, because the key is opaque: a server that normalized the
/// path would turn <c>a/../b</c> into <c>b</c> and <c>a//b</c> into <c>a/b</c>, and S3 does neither.
/// </summary>
/// <param name="Bucket">The bucket name, or null for the service.</param>
/// <param name="Key">The object key, or null for the bucket or the service.</param>
public sealed record S3Target(string? Bucket, string? Key)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The <c>Resource</c> of S3 error documents: <c>/BUCKET</c> or <c>/BUCKET/KEY</c>.</summary>
    public string Resource => Bucket is null ? "/" : Key is null ? "/" + Bucket : $"/{Bucket}/{Key}";

    /// <summary>The resource ARN the action is authorized on: the bucket's or the object's.</summary>
    public string Arn => Key is null ? $"arn:aws:s3:::{Bucket}" : $"arn:aws:s3:::{Bucket}/{Key}";

    /// <summary>Parses the path of a raw request target (<c>/bucket/some%20key?x=y</c>).</summary>
    /// <param name="rawTarget">The request target as sent; the query, if any, is ignored.</param>
    /// <returns>The target, or null when the path is not valid percent-encoded UTF-8.</returns>
    public static S3Target? Parse(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        var path = rawTarget;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        // An absolute-form target (proxies): keep only the path.
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var slash = path.IndexOf('/', path.IndexOf("//", StringComparison.Ordinal) + 2);
            path = slash < 0 ? "/" : path[slash..];
        }

        if (!path.StartsWith('/'))
        {
            return null;
        }

        var rest = path[1..];
        if (rest.Length == 0)
        {
            return new S3Target(null, null);
        }

        var separator = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = Decode(separator < 0 ? rest : rest[..separator]);
        if (bucket is null)
        {
            return null;
        }

        if (separator < 0 || separator == rest.Length - 1)
        {
            return new S3Target(bucket, null);
        }

        var key = Decode(rest[(separator + 1)..]);
        return key is null ? null : new S3Target(bucket, key);
    }

    /// <summary>
    /// Parses a virtual-hosted-style request (<c>http://BUCKET.localhost:4566/KEY</c>), which the SDKs send when
    /// <c>AWS_ENDPOINT_URL</c> names a host (not an IP address) and path-style is not forced: the bucket comes from
    /// the <c>Host</c> header, the key from the whole path.
    /// </summary>
    /// <param name="bucket">The bucket named by the host.</param>
    /// <param name="rawTarget">The request target as sent.</param>
    /// <returns>The target, or null when the path is not valid percent-encoded UTF-8.</returns>
    public static S3Target? ParseVirtualHosted(string bucket, string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(rawTarget);
        var path = rawTarget.Split('?', 2)[0];
        if (path.Length <= 1)
        {
            return new S3Target(bucket, null);
        }

        var key = Decode(path[1..]);
        return key is null ? null : new S3Target(bucket, key);
    }

    /// <summary>The bucket a virtual-hosted <c>Host</c> names (<c>BUCKET.localhost</c>), or null for path-style.</summary>
    /// <param name="host">The Host header's host name, without the port.</param>
    /// <returns>The bucket or null.</returns>
    public static string? VirtualHostBucket(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        const string Suffix = ".localhost";
        return host.Length > Suffix.Length && host.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? host[..^Suffix.Length] : null;
    }

    /// <summary>Percent-decodes strictly: a malformed escape or bytes that are not UTF-8 give null. '+' stays '+'.</summary>
    private static string? Decode(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
                {
                    return null;
                }

                bytes.Add((byte)((Uri.FromHex(text[i + 1]) << 4) | Uri.FromHex(text[i + 2])));
                i += 2;
            }
            else
            {
                if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out _) != System.Buffers.OperationStatus.Done)
                {
                    return null;
                }

                var length = rune.EncodeToUtf8(utf8);
                for (var j = 0; j < length; j++)
                {
                    bytes.Add(utf8[j]);
                }

                i += rune.Utf16SequenceLength - 1;
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
