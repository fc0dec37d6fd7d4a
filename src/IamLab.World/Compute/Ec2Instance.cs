using System.Text.Json.Serialization;

namespace IamLab.World.Compute;

/// <summary>An EC2 instance, and the role session its instance profile gives it (what IMDS serves).</summary>
public sealed class Ec2Instance
{
    [JsonConstructor]
    internal Ec2Instance()
    {
    }

    /// <summary>The instance id, <c>i-…</c>.</summary>
    [JsonInclude] public string InstanceId { get; internal set; } = string.Empty;

    /// <summary>The owning account.</summary>
    [JsonInclude] public string AccountId { get; internal set; } = string.Empty;

    /// <summary>The instance profile's name, if one is associated.</summary>
    [JsonInclude] public string? InstanceProfileName { get; internal set; }

    /// <summary>The access key of the current role session, if any.</summary>
    [JsonInclude] public string? SessionAccessKeyId { get; internal set; }
}
