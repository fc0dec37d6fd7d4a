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

    /// <summary>The metadata options (IMDSv1/IMDSv2, hop limit, endpoint on or off); EC2's defaults for a world saved before they existed.</summary>
    [JsonInclude] public InstanceMetadataOptions MetadataOptions { get; internal set; } = new();

    /// <summary>The VPC the instance runs in: its account's default VPC (the lab models one per account and region).</summary>
    [JsonInclude] public string? VpcId { get; internal set; }

    /// <summary>The instance's primary private IPv4 address, in the default VPC's 172.31.0.0/16.</summary>
    [JsonInclude] public string? PrivateIpAddress { get; internal set; }
}
