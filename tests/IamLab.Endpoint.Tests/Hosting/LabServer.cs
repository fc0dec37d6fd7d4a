using Amazon.Runtime;
using Amazon.SecurityToken;
using IamLab.Client;
using IamLab.Endpoint.Hosting;
using IamLab.World;
using Microsoft.Extensions.Time.Testing;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>
/// A lab endpoint started in process on 127.0.0.1 with a free port, over a world whose clock is a
/// <see cref="FakeTimeProvider"/> starting at the real time (the SDK signs with the real clock).
/// </summary>
public sealed class LabServer : IAsyncDisposable
{
    private LabServer(LabEndpoint endpoint, FakeTimeProvider time)
    {
        Endpoint = endpoint;
        Time = time;
    }

    /// <summary>The running endpoint.</summary>
    public LabEndpoint Endpoint { get; }

    /// <summary>The world's clock.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The world.</summary>
    public LabWorld World => Endpoint.State.World;

    /// <summary>The endpoint's URL, e.g. <c>http://127.0.0.1:PORT</c>.</summary>
    public string Url => Endpoint.Url.ToString().TrimEnd('/');

    /// <summary>Starts a server.</summary>
    /// <param name="seed">Seeds the new world, or null.</param>
    /// <param name="start">The world clock's start; the real time by default.</param>
    /// <param name="stateFile">The state file, or null.</param>
    /// <param name="maxMetadataListeners">The most per-instance metadata listeners (the endpoint's default when null).</param>
    /// <returns>The running server.</returns>
    public static async Task<LabServer> StartAsync(Action<LabWorld>? seed = null, DateTimeOffset? start = null, string? stateFile = null, int? maxMetadataListeners = null)
    {
        var time = new FakeTimeProvider(start ?? DateTimeOffset.UtcNow);
        var options = new LabEndpointOptions { Port = 0, Time = time, Seed = seed, StateFile = stateFile };
        if (maxMetadataListeners is { } max)
        {
            options.MaxMetadataListeners = max;
        }

        var endpoint = await LabEndpoint.StartAsync(options);
        return new LabServer(endpoint, time);
    }

    /// <summary>A real STS client pointed at the server, no retries.</summary>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <returns>The client.</returns>
    public AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = Url, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    /// <summary>A real STS client signing as an account's root (access key = account id, secret <c>test</c>).</summary>
    /// <param name="accountId">The account.</param>
    /// <returns>The client.</returns>
    public AmazonSecurityTokenServiceClient StsAsRoot(string accountId) => Sts(new BasicAWSCredentials(accountId, RootCredentials.Secret));

    /// <summary>A real STS client signing with temporary credentials.</summary>
    /// <param name="credentials">The credentials from an AssumeRole response.</param>
    /// <returns>The client.</returns>
    public AmazonSecurityTokenServiceClient Sts(Amazon.SecurityToken.Model.Credentials credentials) =>
        Sts(new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));

    /// <summary>The lab's IAM Query client pointed at the server.</summary>
    /// <param name="accessKeyId">The access key id (an account id for its root).</param>
    /// <param name="secretAccessKey">The secret (<c>test</c> for a root).</param>
    /// <param name="sessionToken">The session token, or null.</param>
    /// <returns>The client.</returns>
    public IamQueryClient Iam(string accessKeyId, string secretAccessKey = RootCredentials.Secret, string? sessionToken = null) =>
        new(Endpoint.Url, accessKeyId, secretAccessKey, sessionToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Endpoint.DisposeAsync();
}
