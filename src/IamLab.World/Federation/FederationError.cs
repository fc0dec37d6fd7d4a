namespace IamLab.World.Federation;

/// <summary>
/// Why a federation token was refused, as AWS STS would report it.
/// </summary>
/// <param name="Code">The AWS error code, one of <see cref="FederationErrorCodes"/>.</param>
/// <param name="Message">The AWS-style error message.</param>
public sealed record FederationError(string Code, string Message)
{
    /// <summary>The HTTP status STS answers with: 403 for <c>AccessDenied</c> and <c>IDPRejectedClaim</c> (as the STS API reference lists them), 400 otherwise.</summary>
    public int HttpStatus => Code is FederationErrorCodes.AccessDenied or FederationErrorCodes.IdpRejectedClaim ? 403 : 400;

    /// <summary>An <c>InvalidIdentityToken</c> error.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static FederationError Invalid(string message) => new(FederationErrorCodes.InvalidIdentityToken, message);

    /// <summary>An <c>ExpiredTokenException</c> error.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static FederationError Expired(string message) => new(FederationErrorCodes.ExpiredToken, message);

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
