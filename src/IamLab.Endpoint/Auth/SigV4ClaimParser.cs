using System.Text;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Auth;

/// <summary>Reads a <see cref="SigV4Claim"/> from the Authorization header or from presigned-URL query parameters.</summary>
internal static class SigV4ClaimParser
{
    private const string CredentialShape =
        "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

    private static readonly string[] PresignParameters =
        ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires"];

    public static (SigV4Claim? Claim, AwsError? Error) FromHeader(string authorization, SignedRequest request)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? authorization : authorization[..space];
        if (algorithm != SigV4Signing.Algorithm)
        {
            return (null, SigV4Errors.UnsupportedAlgorithm(algorithm));
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return (null, SigV4Errors.Malformed(false, false,
                    $"'{part}' not a valid key=value pair (missing equal-sign) in Authorization header: '{authorization}'."));
            }

            fields[part[..equals]] = part[(equals + 1)..];
        }

        fields.TryGetValue("Credential", out var credential);
        var s3 = CredentialScope.LooksLikeS3(credential);
        var missing = new StringBuilder();
        foreach (var name in new[] { "Credential", "Signature", "SignedHeaders" })
        {
            if (!fields.ContainsKey(name))
            {
                missing.Append($"Authorization header requires '{name}' parameter. ");
            }
        }

        if (missing.Length > 0)
        {
            return (null, s3
                ? SigV4Errors.Malformed(true, false, "The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.")
                : SigV4Errors.Malformed(false, false, $"{missing}Authorization={authorization}"));
        }

        var scope = CredentialScope.TryParse(credential);
        if (scope is null)
        {
            return (null, SigV4Errors.Malformed(s3, false, $"The authorization header is malformed; {CredentialShape} Credential={credential}"));
        }

        var timestamp = request.Header("X-Amz-Date") ?? request.Header("Date");
        var claim = new SigV4Claim(false, scope, SplitHeaders(fields["SignedHeaders"]), fields["Signature"],
            timestamp, null, request.Header("X-Amz-Security-Token"), authorization);
        return (claim, null);
    }

    public static (SigV4Claim? Claim, AwsError? Error) FromQuery(SignedRequest request)
    {
        var credential = request.QueryValue("X-Amz-Credential");
        var s3 = CredentialScope.LooksLikeS3(credential);
        var missing = PresignParameters.Where(p => request.QueryValue(p) is null && (s3 || p != "X-Amz-Expires")).ToList();
        if (missing.Count > 0)
        {
            return (null, SigV4Errors.Malformed(s3, true,
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."));
        }

        if (request.QueryValue("X-Amz-Algorithm") != SigV4Signing.Algorithm)
        {
            return (null, SigV4Errors.Malformed(s3, true, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""));
        }

        var scope = CredentialScope.TryParse(credential);
        if (scope is null)
        {
            return (null, SigV4Errors.Malformed(s3, true, $"Error parsing the X-Amz-Credential parameter; {CredentialShape} Credential={credential}"));
        }

        var claim = new SigV4Claim(true, scope, SplitHeaders(request.QueryValue("X-Amz-SignedHeaders")!),
            request.QueryValue("X-Amz-Signature")!, request.QueryValue("X-Amz-Date"), request.QueryValue("X-Amz-Expires"),
            request.QueryValue("X-Amz-Security-Token"), credential!);
        return (claim, null);
    }

    private static string[] SplitHeaders(string signedHeaders) =>
        signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant())
            .ToArray();
}
