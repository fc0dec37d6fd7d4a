using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.Hosting;

/// <summary>Finds the SigV4 signing name (the service of the credential scope) without verifying anything.</summary>
internal static class SigningName
{
    /// <summary>
    /// The fourth part of <c>Credential=AKID/DATE/REGION/SERVICE/aws4_request</c> in the Authorization header, or of
    /// the <c>X-Amz-Credential</c> query parameter; null when neither carries a readable credential.
    /// </summary>
    public static string? Of(HttpRequest request)
    {
        string? credential = null;
        var authorization = request.Headers.Authorization.ToString();
        var at = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (at >= 0)
        {
            var start = at + "Credential=".Length;
            var end = authorization.IndexOfAny([',', ' '], start);
            credential = end < 0 ? authorization[start..] : authorization[start..end];
        }
        else if (request.Query.TryGetValue("X-Amz-Credential", out var presigned))
        {
            credential = presigned.ToString();
        }

        var parts = credential?.Split('/');
        return parts is { Length: >= 4 } && parts[3].Length > 0 ? parts[3] : null;
    }

    /// <summary>True when the request carries any authentication at all (a header or presigned parameters).</summary>
    public static bool IsSigned(HttpRequest request) =>
        request.Headers.ContainsKey("Authorization") || request.Query.ContainsKey("X-Amz-Algorithm");
}
