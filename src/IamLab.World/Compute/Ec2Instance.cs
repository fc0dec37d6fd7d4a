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

    /// <summary>The metadata options (IMDSv1/IMDSv2, hop limit, endpoint on or off).</summary>
    /// <remarks>
    /// Saved only when they differ from EC2's defaults, so a world saved before they existed, and any instance left at the
    /// defaults, is written byte for byte as before.
    /// </remarks>
    [JsonIgnore]
    public InstanceMetadataOptions MetadataOptions
    {
        get => SavedMetadataOptions ?? new InstanceMetadataOptions();
        internal set => SavedMetadataOptions = value.IsDefault ? null : value;
    }

    [JsonInclude]
    [JsonPropertyName(nameof(MetadataOptions))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal InstanceMetadataOptions? SavedMetadataOptions { get; set; }

    /// <summary>The instance's primary private IPv4 address in its VPC's 172.31.0.0/16 (derived from its id, never saved).</summary>
    [JsonIgnore] public string PrivateIpAddress => NetworkPlacement.PrivateIpAddress(InstanceId);
}
