using System.Text.Json.Serialization;

namespace IamLab.World.Iam;

/// <summary>An IAM user with long-term access keys.</summary>
public sealed class User
{
    [JsonConstructor]
    internal User()
    {
    }

    /// <summary>The user name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The path.</summary>
    [JsonInclude] public string Path { get; internal set; } = "/";

    /// <summary>The ARN: <c>arn:aws:iam::ACCOUNT:user/PATH/NAME</c>.</summary>
    [JsonInclude] public string Arn { get; internal set; } = string.Empty;

    /// <summary>The unique id, <c>AIDA…</c>.</summary>
    [JsonInclude] public string UserId { get; internal set; } = string.Empty;

    /// <summary>The owning account.</summary>
    [JsonInclude] public string AccountId { get; internal set; } = string.Empty;

    /// <summary>When the user was made.</summary>
    [JsonInclude] public DateTimeOffset CreateDate { get; internal set; }

    /// <summary>The ARN of the permissions boundary, if any.</summary>
    [JsonInclude] public string? PermissionsBoundaryArn { get; internal set; }

    /// <summary>The tags (they become <c>aws:PrincipalTag/…</c>).</summary>
    [JsonInclude] public List<Tag> Tags { get; internal set; } = [];

    /// <summary>The access keys (at most two).</summary>
    [JsonInclude] public List<AccessKey> AccessKeys { get; internal set; } = [];

    /// <summary>The ARNs of the attached managed policies.</summary>
    [JsonInclude] public List<string> AttachedPolicyArns { get; internal set; } = [];

    /// <summary>The inline policies by name.</summary>
    [JsonInclude] public SortedDictionary<string, PolicyText> InlinePolicies { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>The names of the groups the user belongs to.</summary>
    [JsonInclude] public List<string> Groups { get; internal set; } = [];
}
