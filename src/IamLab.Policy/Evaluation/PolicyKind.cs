namespace IamLab.Policy.Evaluation;

/// <summary>The kinds of policy the authorizer weighs, in the order AWS documents them.</summary>
public enum PolicyKind
{
    /// <summary>A resource control policy (Organizations), applied to the resource's account.</summary>
    ResourceControl,
    /// <summary>A service control policy (Organizations), applied to the caller's account.</summary>
    ServiceControl,
    /// <summary>A resource-based policy (a bucket policy, a key policy, a role's trust policy).</summary>
    Resource,
    /// <summary>An identity-based policy attached to the caller.</summary>
    Identity,
    /// <summary>The caller's permissions boundary.</summary>
    Boundary,
    /// <summary>A session policy passed when the session was made.</summary>
    Session,
}
