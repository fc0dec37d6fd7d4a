namespace IamLab.Client;

/// <summary>A new access key from CreateAccessKey.</summary>
/// <param name="UserName">The user.</param>
/// <param name="AccessKeyId">The access key id (<c>AKIA…</c>).</param>
/// <param name="SecretAccessKey">The secret, shown only once.</param>
/// <param name="Status"><c>Active</c> or <c>Inactive</c>.</param>
public sealed record IamQueryClientAccessKey(string UserName, string AccessKeyId, string SecretAccessKey, string Status);
