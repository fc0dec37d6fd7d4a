namespace IamLab.Scenarios.Model;

/// <summary>A group and its policies.</summary>
public sealed record GroupSpec(string Arn, IReadOnlyList<PolicySource> Policies);
