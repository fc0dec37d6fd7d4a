namespace IamLab.Endpoint.Auth;

/// <summary>
/// The parsed <c>Credential</c> of a SigV4 signature:
/// <c>AccessKeyId/yyyyMMdd/region/service/aws4_request</c>.
/// </summary>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="Date">The scope date, <c>yyyyMMdd</c>.</param>
/// <param name="Region">The region, e.g. <c>us-east-1</c>.</param>
/// <param name="Service">The signing name of the service, e.g. <c>sts</c> or <c>s3</c>.</param>
public sealed record CredentialScope(string AccessKeyId, string Date, string Region, string Service)
{
    /// <summary>True when the S3 signing rules and error dialect apply.</summary>
    public bool IsS3 => Service == "s3";

    /// <summary>The scope line of the string to sign: <c>date/region/service/aws4_request</c>.</summary>
    public string Scope => $"{Date}/{Region}/{Service}/{SigV4Signing.Terminator}";

    /// <summary>Parses a credential string; null when it does not have five parts ending in <c>aws4_request</c>.</summary>
    /// <param name="credential">The credential as sent.</param>
    /// <returns>The scope or null.</returns>
    public static CredentialScope? TryParse(string? credential)
    {
        var parts = credential?.Split('/');
        if (parts is not { Length: 5 } || parts[4] != SigV4Signing.Terminator
            || parts[..4].Any(string.IsNullOrEmpty) || parts[1].Length != 8 || !parts[1].All(char.IsAsciiDigit))
        {
            return null;
        }

        return new CredentialScope(parts[0], parts[1], parts[2], parts[3]);
    }

    /// <summary>Guesses whether a credential that failed to parse was meant for S3, to pick the error dialect.</summary>
    /// <param name="credential">The credential as sent.</param>
    /// <returns>Whether its fourth part is <c>s3</c>.</returns>
    public static bool LooksLikeS3(string? credential) =>
        credential?.Split('/') is { Length: >= 4 } parts && parts[3] == "s3";
}
