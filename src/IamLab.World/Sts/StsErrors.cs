using IamLab.World.Errors;

namespace IamLab.World.Sts;

/// <summary>STS's errors, worded as AWS words them.</summary>
public static class StsErrors
{
    /// <summary>The chained-session limit, in AWS's words.</summary>
    public static IamError ChainingLimit() =>
        new("ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", 400);

    /// <summary>DurationSeconds above the role's MaxSessionDuration.</summary>
    public static IamError AboveMaxSessionDuration() =>
        new("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", 400);

    /// <summary>Expired temporary credentials.</summary>
    public static IamError ExpiredToken() => new("ExpiredToken", "The security token included in the request is expired", 403);

    /// <summary>Unknown or revoked credentials.</summary>
    public static IamError InvalidClientTokenId() => new("InvalidClientTokenId", "The security token included in the request is invalid.", 403);

    /// <summary>AccessDenied with a message from <see cref="Authorization.AccessDeniedMessage"/>.</summary>
    public static IamError AccessDenied(string message) => new("AccessDenied", message, 403);

    /// <summary>No federation verifier is installed (lab wording).</summary>
    public static IamError NoVerifier() => new("InvalidIdentityToken", "This lab world has no federation verifier, so it cannot check the token.", 400);

    /// <summary>An identity provider that does not exist in the role's account (lab wording close to AWS's).</summary>
    public static IamError NoSuchProvider(string arn) => new("InvalidIdentityToken", $"No OpenIDConnect provider found in your account for {arn}", 400);
}
