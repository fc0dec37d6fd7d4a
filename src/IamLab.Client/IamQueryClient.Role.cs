namespace IamLab.Client;

/// <summary>An IAM role as IAM's API returns it, with the trust policy URL-decoded.</summary>
/// <param name="RoleName">The name.</param>
/// <param name="RoleId">The unique id (<c>AROA…</c>).</param>
/// <param name="Arn">The ARN (with path).</param>
/// <param name="Path">The path.</param>
/// <param name="AssumeRolePolicyDocument">The trust policy, decoded.</param>
/// <param name="MaxSessionDuration">The maximum session duration in seconds.</param>
/// <param name="Description">The description, or null.</param>
public sealed record IamQueryClientRole(string RoleName, string RoleId, string Arn, string Path, string AssumeRolePolicyDocument, int MaxSessionDuration, string? Description);
