using System.Globalization;
using IamLab.Endpoint.Protocol;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.S3;

/// <summary>The parameters of ListObjectsV2 (<c>list-type=2</c>), checked as S3 checks them.</summary>
public sealed class S3ListRequest
{
    /// <summary>The largest page S3 returns.</summary>
    public const int MaxPage = 1000;

    /// <summary>The <c>prefix</c>; empty when absent.</summary>
    public string Prefix { get; private init; } = string.Empty;

    /// <summary>The <c>delimiter</c>, or null.</summary>
    public string? Delimiter { get; private init; }

    /// <summary>The <c>max-keys</c>, capped at 1,000.</summary>
    public int MaxKeys { get; private init; } = MaxPage;

    /// <summary>The <c>continuation-token</c> as sent, or null.</summary>
    public string? ContinuationToken { get; private init; }

    /// <summary>The <c>start-after</c>, or null.</summary>
    public string? StartAfter { get; private init; }

    /// <summary>Whether <c>encoding-type=url</c> was asked for.</summary>
    public bool UrlEncode { get; private init; }

    /// <summary>The key to start after: the continuation token's when present, else <c>start-after</c>.</summary>
    public string? After { get; private init; }

    /// <summary>Reads the parameters, or returns S3's InvalidArgument error.</summary>
    /// <param name="query">The request's query.</param>
    /// <param name="request">The parameters when valid.</param>
    /// <returns>Null when valid, else the error.</returns>
    public static AwsError? TryRead(IQueryCollection query, out S3ListRequest request)
    {
        ArgumentNullException.ThrowIfNull(query);
        request = new S3ListRequest();
        var maxKeys = MaxPage;
        if (query.TryGetValue("max-keys", out var maxText)
            && (!int.TryParse(maxText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys)))
        {
            return S3Errors.InvalidArgument("Provided max-keys not an integer or within integer range", "max-keys", maxText.ToString());
        }

        var encoding = query.TryGetValue("encoding-type", out var encodingText) ? encodingText.ToString() : null;
        if (encoding is not null && encoding != "url")
        {
            return S3Errors.InvalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encoding);
        }

        var token = query.TryGetValue("continuation-token", out var tokenText) ? tokenText.ToString() : null;
        string? after = null;
        if (token is not null)
        {
            after = S3Listing.DecodeToken(token);
            if (after is null)
            {
                return S3Errors.InvalidArgument("The continuation token provided is incorrect", "continuation-token", token);
            }
        }

        var startAfter = query.TryGetValue("start-after", out var startText) ? startText.ToString() : null;
        request = new S3ListRequest
        {
            Prefix = query.TryGetValue("prefix", out var prefix) ? prefix.ToString() : string.Empty,
            Delimiter = query.TryGetValue("delimiter", out var delimiter) && delimiter.ToString().Length > 0 ? delimiter.ToString() : null,
            MaxKeys = Math.Min(maxKeys, MaxPage),
            ContinuationToken = token,
            StartAfter = startAfter,
            UrlEncode = encoding == "url",
            After = after ?? startAfter,
        };
        return null;
    }
}
