using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;

namespace IamLab.Client;

/// <summary>
/// Makes AWS SDK clients (and the lab's <see cref="IamQueryClient"/>) configured for the selected endpoint (<see cref="EndpointSelection"/>): <c>ServiceURL</c>
/// set, the region used for signing, S3 with path-style addressing (the lab and LocalStack both answer it), and no
/// automatic retries, so a learner sees the first answer. The same code runs against <c>iamlab serve</c> and LocalStack.
/// </summary>
public sealed class LabClientFactory
{
    /// <summary>The secret that, with a 12-digit account id as access key id, is that account's root (LocalStack's convention too).</summary>
    public const string RootSecret = "test";

    /// <summary>Creates the factory.</summary>
    /// <param name="endpoint">Where the clients go.</param>
    /// <param name="region">The region to sign for.</param>
    public LabClientFactory(EndpointSelection endpoint, string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        Endpoint = endpoint;
        Region = region;
    }

    /// <summary>The endpoint.</summary>
    public EndpointSelection Endpoint { get; }

    /// <summary>The signing region.</summary>
    public string Region { get; }

    /// <summary>A factory for the endpoint picked by <see cref="EndpointSelection.Resolve"/>.</summary>
    /// <param name="explicitEndpoint">The <c>--endpoint</c> value, or null.</param>
    /// <param name="environment">Reads an environment variable; the process environment when null.</param>
    /// <returns>The factory, or the selection's error.</returns>
    public static (LabClientFactory? Factory, EndpointSelectionError? Error) FromSettings(string? explicitEndpoint, Func<string, string?>? environment = null)
    {
        var selected = EndpointSelection.Resolve(explicitEndpoint, environment);
        return selected.IsSuccess ? (new LabClientFactory(selected.Selection), null) : (null, selected.Error);
    }

    /// <summary>The credentials of an account's root user: access key id = the account id, secret <c>test</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>The credentials.</returns>
    public static AWSCredentials Root(string accountId) => new BasicAWSCredentials(accountId, RootSecret);

    /// <summary>An STS client.</summary>
    /// <param name="credentials">The caller's credentials; null for the unsigned federation calls (AssumeRoleWithSAML, AssumeRoleWithWebIdentity).</param>
    /// <returns>The client.</returns>
    public AmazonSecurityTokenServiceClient CreateSts(AWSCredentials? credentials) =>
        new(credentials ?? new AnonymousAWSCredentials(), Configure(new AmazonSecurityTokenServiceConfig()));

    /// <summary>An S3 client with path-style addressing.</summary>
    /// <param name="credentials">The caller's credentials; null to look them up as the SDK does (environment, profile, instance metadata).</param>
    /// <returns>The client.</returns>
    public AmazonS3Client CreateS3(AWSCredentials? credentials)
    {
        var config = Configure(new AmazonS3Config { ForcePathStyle = true });
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    /// <summary>An EC2 client.</summary>
    /// <param name="credentials">The caller's credentials.</param>
    /// <returns>The client.</returns>
    public AmazonEC2Client CreateEc2(AWSCredentials credentials) => new(credentials, Configure(new AmazonEC2Config()));

    /// <summary>The lab's IAM Query client (the AWS SDK's IAM package is not available here) for the same endpoint.</summary>
    /// <param name="credentials">The caller's credentials.</param>
    /// <returns>The client.</returns>
    public IamQueryClient CreateIam(AWSCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var resolved = credentials.GetCredentials();
        return new IamQueryClient(new Uri(Endpoint.ServiceUrl), resolved.AccessKey, resolved.SecretKey, resolved.UseToken ? resolved.Token : null, Region);
    }

    private T Configure<T>(T config)
        where T : ClientConfig
    {
        config.ServiceURL = Endpoint.ServiceUrl;
        config.AuthenticationRegion = Region;
        config.MaxErrorRetry = 0;
        return config;
    }
}
