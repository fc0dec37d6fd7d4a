using System.Text.Json.Serialization;
using IamLab.World.Iam;

namespace IamLab.World.Accounts;

/// <summary>The organization's root or an organizational unit, with the SCPs and RCPs attached to it.</summary>
public sealed class OrganizationalUnit
{
    [JsonConstructor]
    internal OrganizationalUnit()
    {
    }

    /// <summary>The id (<c>r-…</c> for the root, <c>ou-…</c> otherwise).</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The parent's id, null for the root.</summary>
    [JsonInclude] public string? ParentId { get; internal set; }

    /// <summary>The SCPs attached here.</summary>
    [JsonInclude] public List<PolicyText> ServiceControlPolicies { get; internal set; } = [];

    /// <summary>The RCPs attached here.</summary>
    [JsonInclude] public List<PolicyText> ResourceControlPolicies { get; internal set; } = [];
}
