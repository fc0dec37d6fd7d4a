namespace IamLab.World.Federation;

/// <summary>
/// A user of the lab SAML identity provider: what the IdP asserts about them when they sign in to AWS.
/// </summary>
public sealed record SamlUser
{
    /// <summary>The Subject NameID value, reported by AWS as <c>SAML:sub</c>.</summary>
    public required string NameId { get; init; }

    /// <summary>The NameID Format URI; AWS reports its short form as <c>SAML:sub_type</c>.</summary>
    public string NameIdFormat { get; init; } = SamlNameIdFormats.Persistent;

    /// <summary>The <c>RoleSessionName</c> attribute value; null leaves the attribute out.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>The values of the <c>Role</c> attribute: role and provider pairs the user may assume.</summary>
    public IReadOnlyList<SamlRolePair> Roles { get; init; } = [];

    /// <summary>The optional <c>SessionDuration</c> attribute, in seconds.</summary>
    public int? SessionDurationSeconds { get; init; }

    /// <summary>Session tags, sent as <c>https://aws.amazon.com/SAML/Attributes/PrincipalTag:KEY</c> attributes.</summary>
    public IReadOnlyDictionary<string, string> PrincipalTags { get; init; } = new Dictionary<string, string>();

    /// <summary>The keys of <see cref="PrincipalTags"/> to make transitive, sent as the multivalued
    /// <c>https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys</c> attribute (left out when empty).</summary>
    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    /// <summary>The source identity, sent as the <c>https://aws.amazon.com/SAML/Attributes/SourceIdentity</c> attribute; null leaves it out.</summary>
    public string? SourceIdentity { get; init; }
}
