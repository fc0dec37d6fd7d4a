namespace IamLab.Scenarios.Model;

/// <summary>A role: trust policy, permission policies, MaxSessionDuration, boundary and tags.</summary>
public sealed record RoleSpec(string Arn, PolicySource Trust, int? MaxSessionDuration, IReadOnlyList<PolicySource> Policies, string? Boundary,
    IReadOnlyDictionary<string, string> Tags, string? Description)
{
    /// <summary>When and where the role was last used before the scenario starts (GetRole's RoleLastUsed); null if never.</summary>
    public RoleUseSpec? LastUsed { get; init; }
}
