namespace IamLab.Scenarios.Model;

/// <summary>What a check expects of its last step.</summary>
public enum ExpectKind
{
    /// <summary>Allowed (an STS or service step succeeds).</summary>
    Allowed,
    /// <summary>Denied either way (or AccessDenied from STS).</summary>
    Denied,
    /// <summary>Denied by a matching Deny.</summary>
    ExplicitDeny,
    /// <summary>Denied because nothing allowed it.</summary>
    ImplicitDeny,
    /// <summary>An AWS error code.</summary>
    Error,
}
