using IamLab.Policy.Evaluation;

namespace IamLab.World.Authorization;

/// <summary>
/// AWS's AccessDenied wording: "User: ARN is not authorized to perform: ACTION on resource: RESOURCE",
/// followed by which kind of policy denied ("with an explicit deny in a service control policy") or failed
/// to allow ("because no identity-based policy allows the ACTION action").
/// </summary>
public static class AccessDeniedMessage
{
    /// <summary>The message without a reason (a role that does not exist, a trust policy that does not allow).</summary>
    public static string Plain(string callerArn, string action, string resource) =>
        $"User: {callerArn} is not authorized to perform: {action} on resource: {resource}";

    /// <summary>
    /// The message for a denied result (<paramref name="isRoleTrust"/>: the resource policy was a role's trust policy, as
    /// <see cref="AuthorizationRequest.IsRoleTrust"/> says). A role trust policy's verdict is named only when <paramref name="revealTrustPolicy"/>
    /// is set: AWS adds the policy type to access denied messages for requests within one account or one organization
    /// ("because no role trust policy allows the sts:AssumeRole action", "with an explicit deny in the role trust policy",
    /// IAM User Guide, troubleshooting access denied); a caller from outside learns nothing about the trust policy.
    /// </summary>
    public static string For(string callerArn, string action, string resource, AuthorizationResult result, bool isRoleTrust, bool revealTrustPolicy)
    {
        ArgumentNullException.ThrowIfNull(action);
        var plain = Plain(callerArn, action, resource);
        var isTrust = isRoleTrust;
        var trustDecided = isTrust && result.DecidingStatement?.Policy.Kind == PolicyKind.Resource;
        return result.Reason switch
        {
            DenyReason.ExplicitDeny when trustDecided => revealTrustPolicy ? $"{plain} with an explicit deny in the role trust policy" : plain,
            DenyReason.ExplicitDeny => $"{plain} with an explicit deny in {Article(result.DecidingStatement?.Policy.Kind)}",
            // An SCP level without a matching Allow is an implicit deny, which AWS words as "because no service control
            // policy allows the ACTION action" (IAM User Guide, troubleshooting access denied; seen in AWS responses).
            // AWS now appends the SCP's ARN to an explicit SCP deny; the lab's SCPs have no ARN, so it stops at the kind.
            DenyReason.ServiceControlPolicy => $"{plain} because no service control policy allows the {action} action",
            DenyReason.ResourcePolicy when isTrust => revealTrustPolicy ? $"{plain} because no role trust policy allows the {action} action" : plain,
            DenyReason.ResourcePolicy => $"{plain} because no resource-based policy allows the {action} action",
            DenyReason.IdentityPolicy => $"{plain} because no identity-based policy allows the {action} action",
            DenyReason.PermissionsBoundary => $"{plain} because no permissions boundary allows the {action} action",
            DenyReason.SessionPolicy => $"{plain} because no session policy allows the {action} action",
            _ => plain,
        };
    }

    private static string Article(PolicyKind? kind) => kind switch
    {
        PolicyKind.Identity => "an identity-based policy",
        PolicyKind.Resource => "a resource-based policy",
        PolicyKind.Boundary => "a permissions boundary",
        PolicyKind.Session => "a session policy",
        PolicyKind.ServiceControl => "a service control policy",
        PolicyKind.ResourceControl => "a resource control policy",
        _ => "a policy",
    };
}
