namespace IamLab.Policy.Evaluation;

/// <summary>Which kind of policy failed to allow (or denied) the request, for AWS-style AccessDenied messages.</summary>
public enum DenyReason
{
    /// <summary>The request was allowed.</summary>
    None,
    /// <summary>A Deny statement matched.</summary>
    ExplicitDeny,
    /// <summary>An SCP level had no matching Allow.</summary>
    ServiceControlPolicy,
    /// <summary>The resource-based (or trust, or key) policy had to allow and did not.</summary>
    ResourcePolicy,
    /// <summary>No identity-based policy allowed.</summary>
    IdentityPolicy,
    /// <summary>The permissions boundary did not allow.</summary>
    PermissionsBoundary,
    /// <summary>No session policy allowed.</summary>
    SessionPolicy,
    /// <summary>
    /// AWS refuses the operation on this resource whatever the policies say: an AWS managed policy, an IAM Identity
    /// Center or service-linked role, a reserved or another account's KMS alias (see <see cref="FixedRules"/>).
    /// </summary>
    ProtectedResource,
}
