namespace IamLab.Scenarios.Model;

/// <summary>A customer managed policy.</summary>
public sealed record ManagedPolicySpec(string Arn, PolicySource Source);
