using System.Text.Json.Serialization;
using IamLab.World.Iam;

namespace IamLab.World.Sts;

/// <summary>
/// A role session issued by STS: its temporary credentials, the role it acts as, the session policies
/// and tags it carries, and the credentials that asked for it (so a chain can be followed back).
/// </summary>
public sealed class Session
{
    [JsonConstructor]
    internal Session()
    {
    }

    /// <summary>The temporary access key id, <c>ASIA…</c>.</summary>
    [JsonInclude] public string AccessKeyId { get; internal set; } = string.Empty;

    /// <summary>The secret access key.</summary>
    [JsonInclude] public string SecretAccessKey { get; internal set; } = string.Empty;

    /// <summary>The session token.</summary>
    [JsonInclude] public string SessionToken { get; internal set; } = string.Empty;

    /// <summary>When the session was issued.</summary>
    [JsonInclude] public DateTimeOffset Start { get; internal set; }

    /// <summary>When the credentials stop working.</summary>
    [JsonInclude] public DateTimeOffset Expiration { get; internal set; }

    /// <summary>The longest duration this hop could have had (the role's MaxSessionDuration, or 3,600 s when chained).</summary>
    [JsonInclude] public int DurationCap { get; internal set; }

    /// <summary>The STS operation (or service) that made the session: AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, ec2.amazonaws.com, lambda.amazonaws.com.</summary>
    [JsonInclude] public string Source { get; internal set; } = "AssumeRole";

    /// <summary>The role's account.</summary>
    [JsonInclude] public string AccountId { get; internal set; } = string.Empty;

    /// <summary>The role's name.</summary>
    [JsonInclude] public string RoleName { get; internal set; } = string.Empty;

    /// <summary>The role's ARN (with its path).</summary>
    [JsonInclude] public string RoleArn { get; internal set; } = string.Empty;

    /// <summary>The session name.</summary>
    [JsonInclude] public string SessionName { get; internal set; } = string.Empty;

    /// <summary>The assumed-role ARN, <c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    [JsonInclude] public string Arn { get; internal set; } = string.Empty;

    /// <summary>The AssumedRoleId, <c>AROA…:SESSION</c>.</summary>
    [JsonInclude] public string AssumedRoleId { get; internal set; } = string.Empty;

    /// <summary>The principal that asked for the session: a user or session ARN, a service, or an identity provider ARN.</summary>
    [JsonInclude] public string CallerArn { get; internal set; } = string.Empty;

    /// <summary>The access key of the credentials that asked (null for services and federation); the parent hop.</summary>
    [JsonInclude] public string? ParentAccessKeyId { get; internal set; }

    /// <summary>The inline session policy, if any.</summary>
    [JsonInclude] public PolicyText? InlineSessionPolicy { get; internal set; }

    /// <summary>The managed session policy ARNs.</summary>
    [JsonInclude] public List<string> SessionPolicyArns { get; internal set; } = [];

    /// <summary>The session tags, inherited transitive tags included.</summary>
    [JsonInclude] public List<Tag> Tags { get; internal set; } = [];

    /// <summary>The keys of the tags that pass on to sessions this one makes.</summary>
    [JsonInclude] public List<string> TransitiveTagKeys { get; internal set; } = [];

    /// <summary>The source identity, kept for the whole chain once set.</summary>
    [JsonInclude] public string? SourceIdentity { get; internal set; }

    /// <summary>Extra condition keys of the session (the SAML or OIDC claims a federated session was made from).</summary>
    [JsonInclude] public SortedDictionary<string, string[]> Claims { get; internal set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when a role session asked for this one (role chaining).</summary>
    public bool IsChained => CallerArn.Contains(":assumed-role/", StringComparison.Ordinal);

    /// <summary>True when there is any session policy.</summary>
    public bool HasSessionPolicies => InlineSessionPolicy is not null || SessionPolicyArns.Count > 0;

    /// <summary>The credentials to hand out.</summary>
    public Credentials Credentials => new(AccessKeyId, SecretAccessKey, SessionToken, Expiration);
}
