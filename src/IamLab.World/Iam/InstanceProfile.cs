using System.Text.Json.Serialization;

namespace IamLab.World.Iam;

/// <summary>An instance profile: the container that passes one role to an EC2 instance.</summary>
public sealed class InstanceProfile
{
    [JsonConstructor]
    internal InstanceProfile()
    {
    }

    /// <summary>The profile name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The path.</summary>
    [JsonInclude] public string Path { get; internal set; } = "/";

    /// <summary>The ARN: <c>arn:aws:iam::ACCOUNT:instance-profile/NAME</c>.</summary>
    [JsonInclude] public string Arn { get; internal set; } = string.Empty;

    /// <summary>The unique id, <c>AIPA…</c>.</summary>
    [JsonInclude] public string InstanceProfileId { get; internal set; } = string.Empty;

    /// <summary>When the profile was made.</summary>
    [JsonInclude] public DateTimeOffset CreateDate { get; internal set; }

    /// <summary>The names of its roles (at most one).</summary>
    [JsonInclude] public List<string> RoleNames { get; internal set; } = [];
}
