using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IamLab.Endpoint.Auth;

/// <summary>Builds a <see cref="SignedRequest"/> from an ASP.NET Core request, keeping the path exactly as sent.</summary>
public static class HttpSignedRequest
{
    /// <summary>Reads method, raw path, query, headers from the request.</summary>
    /// <param name="request">The ASP.NET Core request.</param>
    /// <param name="payloadHash">The hex SHA-256 of the body if the caller hashed it, or null.</param>
    /// <returns>The transport-neutral model.</returns>
    public static SignedRequest From(HttpRequest request, string? payloadHash)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The raw target keeps the client's own escaping; PathString would have decoded it (%2F, %20 …).
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var rawPath = string.IsNullOrEmpty(rawTarget) || !rawTarget.StartsWith('/')
            ? (request.PathBase + request.Path).ToUriComponent()
            : rawTarget.Split('?', 2)[0];
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? string.Empty)));
        return new SignedRequest(request.Method, rawPath, SignedRequest.ParseQueryString(request.QueryString.Value), headers, payloadHash);
    }
}
