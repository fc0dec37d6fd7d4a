namespace IamLab.World.Sts;

/// <summary>
/// AWS credentials: an access key id and secret, and for temporary credentials a session token and an
/// expiration. A user's long-term key has neither.
/// </summary>
public sealed record Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? Expiration = null);
