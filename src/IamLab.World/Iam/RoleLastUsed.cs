namespace IamLab.World.Iam;

/// <summary>When a role was last assumed and in which region, as GetRole reports it.</summary>
public sealed record RoleLastUsed(DateTimeOffset LastUsedDate, string Region);
