namespace IamLab.Scenarios.Model;

/// <summary>A service-linked role.</summary>
public sealed record ServiceLinkedRoleSpec(string Account, string Service, string? Suffix);
