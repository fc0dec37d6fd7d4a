using System.Text.Json.Serialization;

namespace IamLab.World.Iam;

/// <summary>An IAM group: its policies apply to every member user.</summary>
public sealed class Group
{
    [JsonConstructor]
    internal Group()
    {
    }

    /// <summary>The group name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The ARN.</summary>
    [JsonInclude] public string Arn { get; internal set; } = string.Empty;

    /// <summary>The unique id, <c>AGPA…</c>.</summary>
    [JsonInclude] public string GroupId { get; internal set; } = string.Empty;

    /// <summary>The ARNs of the attached managed policies.</summary>
    [JsonInclude] public List<string> AttachedPolicyArns { get; internal set; } = [];

    /// <summary>The inline policies by name.</summary>
    [JsonInclude] public SortedDictionary<string, PolicyText> InlinePolicies { get; internal set; } = new(StringComparer.Ordinal);
}
