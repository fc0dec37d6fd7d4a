namespace IamLab.World.Simulation;

/// <summary>
/// SimulatePrincipalPolicy's OrganizationsDecisionDetail: whether the SCPs that apply to the principal's account allow
/// the action (AWS returns it only when the account is a member of an organization that restricts it).
/// </summary>
public sealed record OrganizationsDecisionDetail(bool AllowedByOrganizations);
