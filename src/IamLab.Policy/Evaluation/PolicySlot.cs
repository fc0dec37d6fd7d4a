namespace IamLab.Policy.Evaluation;

/// <summary>
/// Where a policy sits in a <see cref="PolicySet"/>: its kind, the Organizations level for SCPs and RCPs,
/// and its index. Written as the case format names it: <c>identity[0]</c>, <c>resource</c>, <c>boundary</c>,
/// <c>session</c>, <c>scp[1][0]</c>, <c>rcp[0][0]</c>.
/// </summary>
public readonly record struct PolicySlot(PolicyKind Kind, int Level, int Index)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        PolicyKind.Identity => $"identity[{Index}]",
        PolicyKind.Resource => "resource",
        PolicyKind.Boundary => "boundary",
        PolicyKind.Session => Index == 0 ? "session" : $"session[{Index}]",
        PolicyKind.ServiceControl => $"scp[{Level}][{Index}]",
        _ => $"rcp[{Level}][{Index}]",
    };

    /// <summary>How a learner would name the kind of policy: "identity-based policy", "trust policy", ...</summary>
    public string Describe(bool isTrust) => Kind switch
    {
        PolicyKind.Identity => "identity-based policy",
        PolicyKind.Resource => isTrust ? "trust policy" : "resource-based policy",
        PolicyKind.Boundary => "permissions boundary",
        PolicyKind.Session => "session policy",
        PolicyKind.ServiceControl => "service control policy",
        _ => "resource control policy",
    };
}
