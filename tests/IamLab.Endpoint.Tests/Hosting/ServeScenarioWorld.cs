using Amazon.Runtime;
using Amazon.SecurityToken;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Tests.Files;
using IamLab.Scenarios.Serving;
using Xunit;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>
/// The cross-account-external-id scenario's world built for serving (as <c>iamlab serve --scenario</c> does, on the
/// real clock) and served in process on a free loopback port.
/// </summary>
internal sealed class ServeScenarioWorld : IAsyncDisposable
{
    public const string ScenarioId = "cross-account-external-id";
    public const string DevArn = "arn:aws:iam::111111111111:user/dev";
    public const string RoleArn = "arn:aws:iam::999999999999:role/CrossAccountS3Access";
    public const string ExternalId = "unique-external-id-12345";

    private ServeScenarioWorld(LabEndpoint endpoint, ServingWorld served)
    {
        Endpoint = endpoint;
        Served = served;
    }

    public LabEndpoint Endpoint { get; }

    public ServingWorld Served { get; }

    public static string ScenarioDirectory => Path.Combine(RepositoryFiles.Root, "scenarios", ScenarioId);

    /// <summary>Builds the world with <paramref name="folder"/> ("solution" or "starter"; null: no submission) and serves it.</summary>
    public static async Task<ServeScenarioWorld> StartAsync(string? folder)
    {
        var submission = folder is null ? null : Path.Combine(ScenarioDirectory, folder);
        var built = ScenarioWorlds.BuildForServing(ScenarioDirectory, submission, TimeProvider.System);
        Assert.True(built.IsSuccess, string.Join("\n", built.Problems));
        var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions { Port = 0, World = built.World!.World });
        return new ServeScenarioWorld(endpoint, built.World);
    }

    /// <summary>A real STS client signing with the key the serving world made for <paramref name="userArn"/>.</summary>
    public AmazonSecurityTokenServiceClient StsAs(string userArn)
    {
        var key = Served.Keys.Single(k => k.UserArn == userArn);
        return new AmazonSecurityTokenServiceClient(new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = Endpoint.Url.ToString().TrimEnd('/'), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public ValueTask DisposeAsync() => Endpoint.DisposeAsync();
}
