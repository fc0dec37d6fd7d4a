namespace IamLab.Scenarios.Model;

/// <summary>A user, its policies, groups, boundary and tags.</summary>
public sealed record UserSpec(string Arn, IReadOnlyList<PolicySource> Policies, IReadOnlyList<string> Groups, string? Boundary, IReadOnlyDictionary<string, string> Tags);
