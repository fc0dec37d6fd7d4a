using System.Text.Json.Serialization;
using IamLab.World.Iam;

namespace IamLab.World.Accounts;

/// <summary>
/// One AWS account (a 12-digit id) and the IAM entities it holds. IAM names are unique ignoring case, as in AWS.
/// </summary>
public sealed class Account
{
    [JsonConstructor]
    internal Account()
    {
    }

    /// <summary>The 12-digit account id.</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The roles by name.</summary>
    [JsonInclude] public SortedDictionary<string, Role> Roles { get; internal set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The users by name.</summary>
    [JsonInclude] public SortedDictionary<string, User> Users { get; internal set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The groups by name.</summary>
    [JsonInclude] public SortedDictionary<string, Group> Groups { get; internal set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The customer managed policies by ARN.</summary>
    [JsonInclude] public SortedDictionary<string, ManagedPolicy> Policies { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>The instance profiles by name.</summary>
    [JsonInclude] public SortedDictionary<string, InstanceProfile> InstanceProfiles { get; internal set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The SAML providers by ARN.</summary>
    [JsonInclude] public SortedDictionary<string, SamlProvider> SamlProviders { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>The OIDC providers by ARN.</summary>
    [JsonInclude] public SortedDictionary<string, OidcProvider> OidcProviders { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>The organizational unit the account sits in, when it belongs to the organization.</summary>
    [JsonInclude] public string? OrganizationalUnitId { get; internal set; }

    /// <summary>The SCPs attached to the account itself (the last SCP level).</summary>
    [JsonInclude] public List<PolicyText> ServiceControlPolicies { get; internal set; } = [];

    /// <summary>The RCPs attached to the account itself.</summary>
    [JsonInclude] public List<PolicyText> ResourceControlPolicies { get; internal set; } = [];

    /// <summary>The root user's ARN.</summary>
    public string RootArn => $"arn:aws:iam::{Id}:root";
}
