namespace IamLab.World.Events;

/// <summary>
/// CloudTrail's <c>userIdentity.sessionContext</c> for a caller signing with temporary credentials: the role that issued
/// the session (<c>sessionIssuer</c>), when it was made, whether MFA was proved, and the source identity it carries.
/// </summary>
/// <param name="IssuerPrincipalId">The role's unique id (<c>AROA…</c>).</param>
/// <param name="IssuerArn">The role's ARN.</param>
/// <param name="IssuerAccountId">The role's account.</param>
/// <param name="IssuerUserName">The role's name.</param>
/// <param name="CreationDate">When the session was issued (<c>attributes.creationDate</c>).</param>
/// <param name="MfaAuthenticated">Whether MFA was proved for the session (<c>attributes.mfaAuthenticated</c>).</param>
/// <param name="SourceIdentity">The session's source identity (<c>sourceIdentity</c>), or null.</param>
public sealed record TrailSessionContext(
    string IssuerPrincipalId,
    string IssuerArn,
    string IssuerAccountId,
    string IssuerUserName,
    DateTimeOffset CreationDate,
    bool MfaAuthenticated,
    string? SourceIdentity);
