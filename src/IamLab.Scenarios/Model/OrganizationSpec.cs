namespace IamLab.Scenarios.Model;

/// <summary>
/// AWS Organizations: the management account and OUs with their accounts and policies; <see cref="Id"/> fixes the
/// organization's id (null: the world draws one).
/// </summary>
public sealed record OrganizationSpec(string ManagementAccount, IReadOnlyList<UnitSpec> Units)
{
    /// <summary>The organization's id (<c>o-…</c>), when the scenario names it for its policies' <c>aws:PrincipalOrgID</c>.</summary>
    public string? Id { get; init; }
}
