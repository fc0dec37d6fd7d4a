using System.Text.Json.Serialization;

namespace IamLab.World.Iam;

/// <summary>An IAM role: who may assume it (the trust policy) and what its sessions may do (its permission policies).</summary>
public sealed class Role
{
    [JsonConstructor]
    internal Role()
    {
    }

    /// <summary>The role name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The path, <c>/</c> by default.</summary>
    [JsonInclude] public string Path { get; internal set; } = "/";

    /// <summary>The ARN: <c>arn:aws:iam::ACCOUNT:role/PATH/NAME</c>.</summary>
    [JsonInclude] public string Arn { get; internal set; } = string.Empty;

    /// <summary>The unique id, <c>AROA…</c>.</summary>
    [JsonInclude] public string RoleId { get; internal set; } = string.Empty;

    /// <summary>The owning account.</summary>
    [JsonInclude] public string AccountId { get; internal set; } = string.Empty;

    /// <summary>When the role was made.</summary>
    [JsonInclude] public DateTimeOffset CreateDate { get; internal set; }

    /// <summary>The trust policy (AssumeRolePolicyDocument).</summary>
    [JsonInclude] public PolicyText TrustPolicy { get; internal set; } = new("{}");

    /// <summary>The description, if any.</summary>
    [JsonInclude] public string? Description { get; internal set; }

    /// <summary>The longest session AssumeRole may ask for, 3,600 to 43,200 seconds.</summary>
    [JsonInclude] public int MaxSessionDuration { get; internal set; } = 3600;

    /// <summary>The ARN of the permissions boundary, if any.</summary>
    [JsonInclude] public string? PermissionsBoundaryArn { get; internal set; }

    /// <summary>The tags.</summary>
    [JsonInclude] public List<Tag> Tags { get; internal set; } = [];

    /// <summary>The ARNs of the attached managed policies, in attachment order.</summary>
    [JsonInclude] public List<string> AttachedPolicyArns { get; internal set; } = [];

    /// <summary>The inline policies by name.</summary>
    [JsonInclude] public SortedDictionary<string, PolicyText> InlinePolicies { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>When and where the role was last assumed, or null if never.</summary>
    [JsonInclude] public RoleLastUsed? RoleLastUsed { get; internal set; }

    /// <summary>For a service-linked role, the service that owns it (<c>autoscaling.amazonaws.com</c>).</summary>
    [JsonInclude] public string? LinkedService { get; internal set; }

    /// <summary>True for a service-linked role: only its service may change or delete it.</summary>
    public bool IsServiceLinked => LinkedService is not null;
}
