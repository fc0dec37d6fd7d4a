namespace IamLab.Scenarios.Model;

/// <summary>An S3 bucket, its policy and object keys.</summary>
public sealed record BucketSpec(string Name, string Account, PolicySource? Policy, IReadOnlyList<string> Objects);
