using System.Diagnostics.CodeAnalysis;

namespace IamLab.World.Federation;

/// <summary>
/// The outcome of verifying a SAML response: the claims AWS would use, or the error AWS would return.
/// </summary>
public sealed class SamlVerificationResult
{
    private SamlVerificationResult(SamlClaims? claims, FederationError? error)
    {
        Claims = claims;
        Error = error;
    }

    /// <summary>The claims, on success.</summary>
    public SamlClaims? Claims { get; }

    /// <summary>The error, on failure.</summary>
    public FederationError? Error { get; }

    /// <summary>True when the response was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Claims))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>An accepted response.</summary>
    /// <param name="claims">What AWS takes from it.</param>
    /// <returns>The result.</returns>
    public static SamlVerificationResult Success(SamlClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return new SamlVerificationResult(claims, null);
    }

    /// <summary>A refused response.</summary>
    /// <param name="error">Why it was refused.</param>
    /// <returns>The result.</returns>
    public static SamlVerificationResult Failure(FederationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new SamlVerificationResult(null, error);
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Accepted {Claims.Subject}" : Error.ToString();
}
