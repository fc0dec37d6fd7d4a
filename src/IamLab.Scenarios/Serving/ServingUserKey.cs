namespace IamLab.Scenarios.Serving;

/// <summary>An access key of one of a scenario's IAM users, for signing requests to the lab endpoint as that user.</summary>
/// <param name="UserArn">The user's ARN.</param>
/// <param name="AccountId">The user's account.</param>
/// <param name="UserName">The user's name.</param>
/// <param name="AccessKeyId">The access key id (<c>AKIA…</c>).</param>
/// <param name="SecretAccessKey">The secret access key.</param>
public sealed record ServingUserKey(string UserArn, string AccountId, string UserName, string AccessKeyId, string SecretAccessKey);
