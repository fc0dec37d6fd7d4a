namespace IamLab.Scenarios.Model;

/// <summary>An instance profile and the role in it.</summary>
public sealed record InstanceProfileSpec(string Arn, string? Role);
