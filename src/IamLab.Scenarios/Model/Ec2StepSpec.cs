namespace IamLab.Scenarios.Model;

/// <summary>
/// An EC2 instance launched with a profile; the step's credentials are the ones its metadata service hands out, read as
/// <see cref="ImdsToken"/> and <see cref="ImdsHops"/> say.
/// </summary>
public sealed record Ec2StepSpec(string Account, string InstanceProfile)
{
    /// <summary>The user (ARN) who calls RunInstances: then <c>ec2:RunInstances</c> and <c>iam:PassRole</c> are authorized as that user. Null launches unchecked.</summary>
    public string? LaunchedBy { get; init; }

    /// <summary>MetadataOptions.HttpTokens (<c>optional</c> or <c>required</c>), or null for EC2's default.</summary>
    public string? HttpTokens { get; init; }

    /// <summary>MetadataOptions.HttpPutResponseHopLimit as text, or null for EC2's default.</summary>
    public string? HopLimit { get; init; }

    /// <summary>True (default) when the credentials are read with an IMDSv2 token, as the SDKs do; false for a plain GET (IMDSv1, what an SSRF sends).</summary>
    public bool ImdsToken { get; init; } = true;

    /// <summary>How many network hops the reader is from the metadata service: 1 on the instance, 2 in a container on it.</summary>
    public int ImdsHops { get; init; } = 1;
}
