using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IamLab.Endpoint.Auth;

/// <summary>
/// The path and query of a request exactly as the client sent them, read from the raw request target in both of
/// HTTP's forms: origin-form (<c>/bucket/key?x=y</c>) and absolute-form (<c>http://host/bucket/key?x=y</c>, as sent
/// to proxies). The signature and every handler read the target through here, so what was signed is what is served:
/// ASP.NET Core's <c>Path</c> removes dot segments (<c>x/../b</c> becomes <c>b</c>) and must never be used for either.
/// </summary>
public static class RequestTarget
{
    /// <summary>The raw path (still percent-encoded, dot segments kept) and the raw query (without <c>?</c>, or empty).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The path (always starting with <c>/</c>) and the query.</returns>
    public static (string Path, string Query) Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return string.IsNullOrEmpty(raw)
            ? ((request.PathBase + request.Path).ToUriComponent(), request.QueryString.Value?.TrimStart('?') ?? string.Empty)
            : Split(raw);
    }

    /// <summary>Splits a raw request target into its raw path and raw query.</summary>
    /// <param name="rawTarget">The target as sent: origin-form or absolute-form.</param>
    /// <returns>The path (always starting with <c>/</c>) and the query (without <c>?</c>, or empty).</returns>
    public static (string Path, string Query) Split(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && !path.StartsWith('/'))
        {
            // Absolute-form: drop scheme and authority, keep the path as written (no normalization).
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path[slash..];
        }

        return (path.StartsWith('/') ? path : "/" + path, query);
    }
}
