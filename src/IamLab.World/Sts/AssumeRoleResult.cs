namespace IamLab.World.Sts;

/// <summary>
/// What AssumeRole (and its federated forms) returns: the credentials, the assumed-role user, the packed
/// policy size (percent of the limit), the source identity and, for federation, the verified claims.
/// </summary>
public sealed record AssumeRoleResult(Credentials Credentials, AssumedRoleUser AssumedRoleUser, int PackedPolicySize, string? SourceIdentity, Session Session)
{
    /// <summary>For AssumeRoleWithSAML and AssumeRoleWithWebIdentity, the claims the session was made from.</summary>
    public FederatedClaims? Claims { get; init; }
}
