namespace IamLab.Interactive.Views;

/// <summary>The running endpoint and the settings the notebook's AWS SDK now uses (the secret masked when shown).</summary>
public sealed record EndpointView(Uri Url, string AccessKeyId, string SecretAccessKey, string Region, string Caller)
{
    /// <summary>Each instance's own metadata service (<c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> for a program acting as it), by instance id.</summary>
    public IReadOnlyDictionary<string, Uri> InstanceMetadata { get; init; } = new Dictionary<string, Uri>();
}
