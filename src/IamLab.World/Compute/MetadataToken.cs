namespace IamLab.World.Compute;

/// <summary>What a metadata read carried in its <c>X-aws-ec2-metadata-token</c> header.</summary>
public enum MetadataToken
{
    /// <summary>No token header: an IMDSv1 request (what an SSRF that can only make a GET sends).</summary>
    None,

    /// <summary>A token this instance issued and that has not expired.</summary>
    Valid,

    /// <summary>A token header whose token is unknown, expired or another instance's.</summary>
    Invalid,
}
