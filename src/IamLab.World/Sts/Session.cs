using System.Text;
using System.Text.Json.Serialization;
using IamLab.World.Iam;

namespace IamLab.World.Sts;

/// <summary>
/// A role session issued by STS: its temporary credentials, the role it acts as, the session policies
/// and tags it carries, and the credentials that asked for it (so a chain can be followed back).
/// </summary>
public sealed class Session
{
    // The collections are made on first use: most sessions have no tags, session policies or claims, and
    // empty collections would be a fifth of a session's size. INVARIANT: exactly one of tokenText and tokenAscii is set.
    private List<string>? sessionPolicyArns;
    private List<Tag>? tags;
    private List<string>? transitiveTagKeys;
    private SortedDictionary<string, string[]>? claims;
    private string? tokenText = string.Empty;
    private byte[]? tokenAscii;

    // Shared stand-ins that the saved document shows for a collection never made. INVARIANT: never handed out
    // where they could be changed (only the Saved* properties, which are written, and replaced when read).
    private static readonly List<string> NoStrings = [];
    private static readonly List<Tag> NoTags = [];
    private static readonly SortedDictionary<string, string[]> NoClaims = new(StringComparer.OrdinalIgnoreCase);

    [JsonConstructor]
    internal Session()
    {
    }

    /// <summary>The temporary access key id, <c>ASIA…</c>.</summary>
    [JsonInclude] public string AccessKeyId { get; internal set; } = string.Empty;

    /// <summary>The secret access key.</summary>
    [JsonInclude] public string SecretAccessKey { get; internal set; } = string.Empty;

    /// <summary>The session token.</summary>
    /// <remarks>A token is most of a session's size; one drawn from the lab's (ASCII) alphabet is held as one byte a character.</remarks>
    [JsonInclude]
    public string SessionToken
    {
        get => tokenText ?? Encoding.ASCII.GetString(tokenAscii!);
        internal set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Length > 0 && Ascii.IsValid(value))
            {
                tokenAscii = Encoding.ASCII.GetBytes(value);
                tokenText = null;
            }
            else
            {
                tokenText = value;
                tokenAscii = null;
            }
        }
    }

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
    [JsonIgnore]
    public List<string> SessionPolicyArns { get => sessionPolicyArns ??= []; internal set => sessionPolicyArns = NullIfEmpty(value); }

    [JsonInclude]
    [JsonPropertyName(nameof(SessionPolicyArns))]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)]
    internal List<string> SavedSessionPolicyArns { get => sessionPolicyArns ?? NoStrings; set => sessionPolicyArns = NullIfEmpty(value); }

    /// <summary>The session tags, inherited transitive tags included.</summary>
    [JsonIgnore]
    public List<Tag> Tags { get => tags ??= []; internal set => tags = NullIfEmpty(value); }

    [JsonInclude]
    [JsonPropertyName(nameof(Tags))]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)]
    internal List<Tag> SavedTags { get => tags ?? NoTags; set => tags = NullIfEmpty(value); }

    /// <summary>The keys of the tags that pass on to sessions this one makes.</summary>
    [JsonIgnore]
    public List<string> TransitiveTagKeys { get => transitiveTagKeys ??= []; internal set => transitiveTagKeys = NullIfEmpty(value); }

    [JsonInclude]
    [JsonPropertyName(nameof(TransitiveTagKeys))]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)]
    internal List<string> SavedTransitiveTagKeys { get => transitiveTagKeys ?? NoStrings; set => transitiveTagKeys = NullIfEmpty(value); }

    /// <summary>
    /// When the caller proved MFA for the credentials that asked for this session (null when it did not): AWS then sends
    /// <c>aws:MultiFactorAuthPresent</c> "true" and <c>aws:MultiFactorAuthAge</c> for the session's requests, and "false" otherwise.
    /// </summary>
    [JsonInclude] public DateTimeOffset? MfaAuthenticatedAt { get; internal set; }

    /// <summary>The source identity, kept for the whole chain once set.</summary>
    [JsonInclude] public string? SourceIdentity { get; internal set; }

    /// <summary>Extra condition keys of the session (the SAML or OIDC claims a federated session was made from).</summary>
    [JsonIgnore]
    public SortedDictionary<string, string[]> Claims { get => claims ??= new(StringComparer.OrdinalIgnoreCase); internal set => claims = value; }

    [JsonInclude]
    [JsonPropertyName(nameof(Claims))]
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)]
    internal SortedDictionary<string, string[]> SavedClaims
    {
        get => claims ?? NoClaims;
        set
        {
            // Keys compare without case, as in a new session; a later duplicate wins, as when the document was read into the dictionary directly.
            SortedDictionary<string, string[]>? read = null;
            foreach (var (key, values) in value)
            {
                read ??= new(StringComparer.OrdinalIgnoreCase);
                read[key] = values;
            }

            claims = read;
        }
    }

    /// <summary>Sets the token from its ASCII bytes (the world store reads it so, without building the string first).</summary>
    internal void SetTokenAscii(byte[] ascii)
    {
        if (ascii.Length > 0 && Ascii.IsValid(ascii))
        {
            tokenAscii = ascii;
            tokenText = null;
        }
        else
        {
            SessionToken = Encoding.UTF8.GetString(ascii);
        }
    }

    /// <summary>True when <paramref name="token"/> is this session's token; compares without building the token string.</summary>
    internal bool TokenEquals(string token)
    {
        if (tokenText is not null)
        {
            return string.Equals(tokenText, token, StringComparison.Ordinal);
        }

        var bytes = tokenAscii!;
        if (token.Length != bytes.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (token[i] != bytes[i])
            {
                return false;
            }
        }

        return true;
    }

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;

    /// <summary>True when a role session asked for this one (role chaining).</summary>
    public bool IsChained => CallerArn.Contains(":assumed-role/", StringComparison.Ordinal);

    /// <summary>True when there is any session policy.</summary>
    public bool HasSessionPolicies => InlineSessionPolicy is not null || SessionPolicyArns.Count > 0;

    /// <summary>The credentials to hand out.</summary>
    public Credentials Credentials => new(AccessKeyId, SecretAccessKey, SessionToken, Expiration);
}
