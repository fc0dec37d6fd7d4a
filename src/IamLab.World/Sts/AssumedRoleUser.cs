namespace IamLab.World.Sts;

/// <summary>The AssumedRoleUser of an AssumeRole response: the session's ARN and its AssumedRoleId (<c>AROA…:SESSION</c>).</summary>
public sealed record AssumedRoleUser(string Arn, string AssumedRoleId);
