namespace IamLab.World.Iam;

/// <summary>One version of a managed policy.</summary>
public sealed record ManagedPolicyVersion(string VersionId, PolicyText Document, DateTimeOffset CreateDate);
