namespace IamLab.World.Sts;

/// <summary>
/// What AssumeRole (and its federated forms) returns: the credentials, the assumed-role user, the packed
/// policy size (percent of the limit), the source identity and, for federation, the verified claims.
/// </summary>
public sealed record AssumeRoleResult(Credentials Credentials, AssumedRoleUser AssumedRoleUser, int PackedPolicySize, string? SourceIdentity, Session Session)
{
    /// <summary>For AssumeRoleWithSAML and AssumeRoleWithWebIdentity, the claims the session was made from.</summary>
    public FederatedClaims? Claims { get; init; }

    /// <summary>
    /// The access checks STS made, all allowed: the role's action (<c>sts:AssumeRole</c>, <c>sts:AssumeRoleWithSAML</c>, ...)
    /// first, then <c>sts:TagSession</c> and <c>sts:SetSourceIdentity</c> when the call needed them. A refused call carries
    /// the check that refused in its error's <see cref="Errors.IamError.Check"/>.
    /// </summary>
    public IReadOnlyList<Authorization.AccessCheck> Checks { get; init; } = [];

    /// <summary>The check of the role's action (the first of <see cref="Checks"/>), or null for a session not made by a check.</summary>
    public Authorization.AccessCheck? Check => Checks.Count > 0 ? Checks[0] : null;
}
