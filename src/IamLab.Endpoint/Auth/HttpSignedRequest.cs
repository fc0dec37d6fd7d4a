using Microsoft.AspNetCore.Http;

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

        // The raw target keeps the client's own escaping and dot segments; PathString would have decoded (%2F, %20 …)
        // and normalized (x/../b) it, and then the signature would cover another path than the one S3 serves.
        var (rawPath, rawQuery) = RequestTarget.Of(request);
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? string.Empty)));
        return new SignedRequest(request.Method, rawPath, SignedRequest.ParseQueryString(rawQuery), headers, payloadHash);
    }
}
