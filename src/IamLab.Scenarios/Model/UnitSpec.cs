namespace IamLab.Scenarios.Model;

/// <summary>An organizational unit.</summary>
public sealed record UnitSpec(string Name, IReadOnlyList<string> Accounts, IReadOnlyList<PolicySource> Scps, IReadOnlyList<PolicySource> Rcps);
