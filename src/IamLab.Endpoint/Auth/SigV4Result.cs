using System.Diagnostics.CodeAnalysis;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Auth;

/// <summary>The answer of <see cref="SigV4Verifier.Verify"/>: verified with an identity, anonymous, or failed with an AWS error.</summary>
public sealed class SigV4Result
{
    private SigV4Result(SigV4Outcome outcome, SigV4Identity? identity, AwsError? error)
    {
        Outcome = outcome;
        Identity = identity;
        Error = error;
    }

    /// <summary>The result for a request that carries no signature.</summary>
    public static SigV4Result Anonymous { get; } = new(SigV4Outcome.Anonymous, null, null);

    /// <summary>What verification concluded.</summary>
    public SigV4Outcome Outcome { get; }

    /// <summary>The signer, when <see cref="Outcome"/> is <see cref="SigV4Outcome.Verified"/>.</summary>
    public SigV4Identity? Identity { get; }

    /// <summary>The error to answer with, when <see cref="Outcome"/> is <see cref="SigV4Outcome.Failed"/>.</summary>
    public AwsError? Error { get; }

    /// <summary>True when the signature verified; <see cref="Identity"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Identity))]
    public bool IsVerified => Outcome == SigV4Outcome.Verified;

    /// <summary>True when verification failed; <see cref="Error"/> is then set.</summary>
    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsFailed => Outcome == SigV4Outcome.Failed;

    internal static SigV4Result Verified(SigV4Identity identity) => new(SigV4Outcome.Verified, identity, null);

    internal static SigV4Result Failed(AwsError error) => new(SigV4Outcome.Failed, null, error);

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        SigV4Outcome.Verified => $"Verified {Identity!.AccessKeyId} ({Identity.Scope.Scope})",
        SigV4Outcome.Failed => $"Failed {Error!.Code}: {Error.Message}",
        _ => "Anonymous",
    };
}
