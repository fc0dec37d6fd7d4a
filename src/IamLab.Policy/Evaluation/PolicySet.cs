using IamLab.Policy.Model;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// Every policy that applies to one request. A null member means "no such policy applies": no resource
/// policy, no boundary, no session policy, no Organizations. An empty SCP level denies; an RCP level
/// always holds RCPFullAWSAccess implicitly, so RCPs restrict only through Deny statements.
/// </summary>
public sealed class PolicySet
{
    /// <summary>The identity-based policies of the caller.</summary>
    public IReadOnlyList<PolicyDocument> IdentityPolicies { get; init; } = [];

    /// <summary>The resource-based policy (for a role's AssumeRole, its trust policy).</summary>
    public PolicyDocument? ResourcePolicy { get; init; }

    /// <summary>The caller's permissions boundary.</summary>
    public PolicyDocument? PermissionsBoundary { get; init; }

    /// <summary>The session policies (the inline one and managed ones); their union limits the session.</summary>
    public IReadOnlyList<PolicyDocument>? SessionPolicies { get; init; }

    /// <summary>SCP levels, root first; every level must allow.</summary>
    public IReadOnlyList<IReadOnlyList<PolicyDocument>>? ServiceControlPolicies { get; init; }

    /// <summary>RCP levels, root first.</summary>
    public IReadOnlyList<IReadOnlyList<PolicyDocument>>? ResourceControlPolicies { get; init; }

    /// <summary>Every policy with its slot, in evaluation order.</summary>
    public IEnumerable<(PolicySlot Slot, PolicyDocument Policy)> All()
    {
        foreach (var item in Levels(ResourceControlPolicies, PolicyKind.ResourceControl))
        {
            yield return item;
        }

        foreach (var item in Levels(ServiceControlPolicies, PolicyKind.ServiceControl))
        {
            yield return item;
        }

        if (ResourcePolicy is not null)
        {
            yield return (new PolicySlot(PolicyKind.Resource, 0, 0), ResourcePolicy);
        }

        for (var i = 0; i < IdentityPolicies.Count; i++)
        {
            yield return (new PolicySlot(PolicyKind.Identity, 0, i), IdentityPolicies[i]);
        }

        if (PermissionsBoundary is not null)
        {
            yield return (new PolicySlot(PolicyKind.Boundary, 0, 0), PermissionsBoundary);
        }

        for (var i = 0; SessionPolicies is not null && i < SessionPolicies.Count; i++)
        {
            yield return (new PolicySlot(PolicyKind.Session, 0, i), SessionPolicies[i]);
        }
    }

    private static IEnumerable<(PolicySlot, PolicyDocument)> Levels(IReadOnlyList<IReadOnlyList<PolicyDocument>>? levels, PolicyKind kind)
    {
        for (var level = 0; levels is not null && level < levels.Count; level++)
        {
            for (var i = 0; i < levels[level].Count; i++)
            {
                yield return (new PolicySlot(kind, level, i), levels[level][i]);
            }
        }
    }
}
