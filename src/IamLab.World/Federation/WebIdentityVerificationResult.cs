using System.Diagnostics.CodeAnalysis;

namespace IamLab.World.Federation;

/// <summary>
/// The outcome of verifying a web identity token: the claims AWS would use, or the error AWS would return.
/// </summary>
public sealed class WebIdentityVerificationResult
{
    private WebIdentityVerificationResult(WebIdentityClaims? claims, FederationError? error)
    {
        Claims = claims;
        Error = error;
    }

    /// <summary>The claims, on success.</summary>
    public WebIdentityClaims? Claims { get; }

    /// <summary>The error, on failure.</summary>
    public FederationError? Error { get; }

    /// <summary>True when the token was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Claims))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>An accepted token.</summary>
    /// <param name="claims">What AWS takes from it.</param>
    /// <returns>The result.</returns>
    public static WebIdentityVerificationResult Success(WebIdentityClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return new WebIdentityVerificationResult(claims, null);
    }

    /// <summary>A refused token.</summary>
    /// <param name="error">Why it was refused.</param>
    /// <returns>The result.</returns>
    public static WebIdentityVerificationResult Failure(FederationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new WebIdentityVerificationResult(null, error);
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Accepted {Claims.Subject}" : Error.ToString();
}
