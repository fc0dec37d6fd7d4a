using System.Text.Json.Serialization;

namespace IamLab.World.Iam;

/// <summary>A managed policy (AWS managed or customer managed) with its versions.</summary>
public sealed class ManagedPolicy
{
    [JsonConstructor]
    internal ManagedPolicy()
    {
    }

    /// <summary>The policy name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The path.</summary>
    [JsonInclude] public string Path { get; internal set; } = "/";

    /// <summary>The ARN: <c>arn:aws:iam::aws:policy/NAME</c> or <c>arn:aws:iam::ACCOUNT:policy/PATH/NAME</c>.</summary>
    [JsonInclude] public string Arn { get; internal set; } = string.Empty;

    /// <summary>The unique id, <c>ANPA…</c>.</summary>
    [JsonInclude] public string PolicyId { get; internal set; } = string.Empty;

    /// <summary>The default version's id.</summary>
    [JsonInclude] public string DefaultVersionId { get; internal set; } = "v1";

    /// <summary>The versions, oldest first (at most five).</summary>
    [JsonInclude] public List<ManagedPolicyVersion> Versions { get; internal set; } = [];

    /// <summary>For an AWS managed policy, the day its document was copied into the lab.</summary>
    [JsonInclude] public string? CopiedOn { get; internal set; }

    /// <summary>True for AWS managed policies (account <c>aws</c>).</summary>
    public bool IsAwsManaged => Arn.StartsWith("arn:aws:iam::aws:", StringComparison.Ordinal);

    /// <summary>The default version's document.</summary>
    public PolicyText Document => Versions.First(v => v.VersionId == DefaultVersionId).Document;
}
