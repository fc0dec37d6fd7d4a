namespace IamLab.Scenarios.Model;

/// <summary>The expected outcome: a decision, or an AWS error code.</summary>
public sealed record Expectation(ExpectKind Kind, string? ErrorCode = null)
{
    /// <summary>As the scenario format writes it.</summary>
    public override string ToString() => Kind switch
    {
        ExpectKind.Allowed => "allowed",
        ExpectKind.Denied => "denied",
        ExpectKind.ExplicitDeny => "explicitDeny",
        ExpectKind.ImplicitDeny => "implicitDeny",
        _ => $"error {ErrorCode}",
    };
}
