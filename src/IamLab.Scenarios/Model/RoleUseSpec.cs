namespace IamLab.Scenarios.Model;

/// <summary>A role's last use as a scenario declares it (<c>lastUsed: { date: ..., region: ... }</c>).</summary>
/// <param name="Date">When the role was last used.</param>
/// <param name="Region">The region it was used in.</param>
public sealed record RoleUseSpec(DateTimeOffset Date, string Region);
