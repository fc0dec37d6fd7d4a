namespace IamLab.World.Sts;

/// <summary>
/// One hop of a session chain (user → RoleA → RoleB): who it is, when it started and ends, the longest it
/// could have lasted, and the policy layers that limit it.
/// </summary>
public sealed record ChainHop(string Arn, string Kind, DateTimeOffset? Start, DateTimeOffset? Expiration, int? DurationCapSeconds, IReadOnlyList<string> PolicyLayers);
