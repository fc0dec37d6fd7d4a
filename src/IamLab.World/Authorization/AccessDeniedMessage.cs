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

    /// <summary>The message for a denied result.</summary>
    public static string For(string callerArn, string action, string resource, AuthorizationResult result)
    {
        var plain = Plain(callerArn, action, resource);
        var isTrust = action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase) && resource.Contains(":role/", StringComparison.Ordinal);
        return result.Reason switch
        {
            DenyReason.ExplicitDeny => $"{plain} with an explicit deny in {Article(result.DecidingStatement?.Policy.Kind)}",
            // AWS reports an SCP that fails to allow in the same words as an SCP Deny.
            DenyReason.ServiceControlPolicy => $"{plain} with an explicit deny in a service control policy",
            // AWS does not reveal a trust policy's verdict: a refused AssumeRole names no policy.
            DenyReason.ResourcePolicy when isTrust => plain,
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
