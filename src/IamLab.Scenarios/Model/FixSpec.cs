namespace IamLab.Scenarios.Model;

/// <summary>
/// One policy of the world replaced in a challenge's fixed world: the trust of a role, or the permission policies of
/// a role or user (<see cref="Policies"/> replaces all of them).
/// </summary>
public sealed record FixSpec(string Arn, PolicySource? Trust, IReadOnlyList<PolicySource>? Policies);
