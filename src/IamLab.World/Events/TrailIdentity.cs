namespace IamLab.World.Events;

/// <summary>
/// CloudTrail's <c>userIdentity</c>: who made a call. <see cref="Type"/> is CloudTrail's: <c>Root</c>, <c>IAMUser</c>,
/// <c>AssumedRole</c>, <c>SAMLUser</c>, <c>WebIdentityUser</c>, <c>AWSService</c> or <c>Unknown</c> (credentials the world does
/// not know, or a session that has expired).
/// </summary>
public sealed record TrailIdentity
{
    /// <summary>CloudTrail's identity type.</summary>
    public required string Type { get; init; }

    /// <summary>The principal's unique id (<c>AIDA…</c>, <c>AROA…:session</c>, an account id for the root user), or null.</summary>
    public string? PrincipalId { get; init; }

    /// <summary>The caller's ARN, or null (a federated or service caller has none).</summary>
    public string? Arn { get; init; }

    /// <summary>The caller's account, or null when unknown.</summary>
    public string? AccountId { get; init; }

    /// <summary>The access key id the request was signed with, or null.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The user's name (IAM user), or the federated subject (SAML, web identity), or null.</summary>
    public string? UserName { get; init; }

    /// <summary>The identity provider of a federated caller (a SAML provider ARN or an OIDC issuer host), or null.</summary>
    public string? IdentityProvider { get; init; }

    /// <summary>The service that acted (<c>ec2.amazonaws.com</c>) for an <c>AWSService</c> caller, or null.</summary>
    public string? InvokedBy { get; init; }

    /// <summary>The session's context when the caller signed with a role session, or null.</summary>
    public TrailSessionContext? SessionContext { get; init; }
}
