namespace IamLab.Scenarios.Model;

/// <summary>AWS Organizations: the management account and OUs with their accounts and policies.</summary>
public sealed record OrganizationSpec(string ManagementAccount, IReadOnlyList<UnitSpec> Units);
