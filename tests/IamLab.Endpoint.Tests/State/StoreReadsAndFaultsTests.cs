using System.Net;
using Amazon.SecurityToken.Model;
using IamLab.Client;
using IamLab.Endpoint.Hosting;
using IamLab.World.State;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace IamLab.Endpoint.Tests.State;

/// <summary>
/// The world store under the endpoint, in process: requests that change nothing write nothing (the unauthenticated
/// <c>/_lab</c> routes included), and a disk that fills up is answered with AWS's ServiceUnavailable while reads go
/// on. The full disk is simulated at the store's disk seam (<see cref="StoreDisk"/>): the append gets half its bytes
/// out, then fails with "No space left on device", as a write to a full file system does.
/// </summary>
public sealed class StoreReadsAndFaultsTests : IDisposable
{
    private const string Account = "888888888888";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::888888888888:root"},"Action":"sts:AssumeRole"}]}""";
    private const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("iamlab-store-").FullName;

    [Fact]
    public async Task ReadOnlyRequests_AndEveryLabGet_WriteNothing()
    {
        var path = Path.Combine(_folder, "world.db");
        await using var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions { Port = 0, StateFile = path });
        using var iam = new IamQueryClient(endpoint.Url, Account, RootCredentials.Secret);
        await iam.CreateRoleAsync("existing", Trust);
        var length = new FileInfo(path).Length;
        var commits = endpoint.State.Commits;
        var modified = File.GetLastWriteTimeUtc(path);

        await iam.GetRoleAsync("existing");
        await iam.ListRolesAsync();
        var missing = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.GetRoleAsync("absent"));
        using (var sts = new Amazon.SecurityToken.AmazonSecurityTokenServiceClient(new Amazon.Runtime.BasicAWSCredentials(Account, RootCredentials.Secret),
                   new Amazon.SecurityToken.AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 }))
        {
            Assert.Equal(Account, (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Account);
        }

        using var http = new HttpClient { BaseAddress = endpoint.Url };
        foreach (var route in new[] { "/_lab/saml/metadata", "/_lab/oidc/.well-known/openid-configuration", "/_lab/oidc/.well-known/jwks", "/_lab/oidc/thumbprint" })
        {
            using var answer = await http.GetAsync(route);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Equal("NoSuchEntity", missing.ErrorCode);
        Assert.Equal(commits, endpoint.State.Commits);
        Assert.Equal(length, new FileInfo(path).Length);
        Assert.Equal(modified, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task FullDisk_ChangesGetServiceUnavailable_ReadsGoOn_AndTheChangeIsSavedOnceThereIsRoom()
    {
        var path = Path.Combine(_folder, "world.db");
        var disk = new FillableDisk();
        await using (var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions { Port = 0, StateFile = path, StateDisk = disk }))
        {
            using var iam = new IamQueryClient(endpoint.Url, Account, RootCredentials.Secret);
            await iam.CreateRoleAsync("before-full", Trust);
            disk.Full = true;

            var refused = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.CreateRoleAsync("while-full", Trust));
            var read = await iam.GetRoleAsync("before-full");
            using var http = new HttpClient { BaseAddress = endpoint.Url };
            using var jwks = await http.GetAsync("/_lab/oidc/.well-known/jwks");

            Assert.Equal(("ServiceUnavailable", 503), (refused.ErrorCode, refused.StatusCode));
            Assert.StartsWith("The request has failed due to a temporary failure of the server. (Lab: The change could not be saved to the world store ", refused.Message, StringComparison.Ordinal);
            Assert.Contains("No space left on device", refused.Message, StringComparison.Ordinal);
            Assert.Equal("before-full", read.RoleName);
            Assert.Equal(HttpStatusCode.OK, jwks.StatusCode);

            disk.Full = false;
            await iam.CreateRoleAsync("after-room", Trust);
        }

        var saved = WorldStore.Read(path).Value.World.Iam(Account).Account.Roles;
        // The refused change was in memory (as a 503 allows) and went to disk with the next batch.
        Assert.True(saved.ContainsKey("before-full") && saved.ContainsKey("while-full") && saved.ContainsKey("after-room"));
    }

    [Fact]
    public async Task FullDisk_OnTheMetadataRoute_Is503WithAClearBody()
    {
        var path = Path.Combine(_folder, "world.db");
        var disk = new FillableDisk();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var instanceId = "";
        await using var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions
        {
            Port = 0, StateFile = path, StateDisk = disk, Time = time,
            Seed = world =>
            {
                _ = world.CreateAccount(Account).Value;
                var iam = world.Iam(Account);
                _ = iam.CreateRole("web", Ec2Trust).Value;
                _ = iam.CreateInstanceProfile("web").Value;
                _ = iam.AddRoleToInstanceProfile("web", "web").Value;
                instanceId = world.Compute.RunInstance(Account, "web").Value.InstanceId;
            },
        });
        using var http = new HttpClient { BaseAddress = endpoint.Url };
        // Within 15 minutes of expiry, reading the credentials renews them: a change that must be saved.
        var world = endpoint.State.World;
        time.SetUtcNow(world.Sts.Sessions[world.Compute.Instances[instanceId].SessionAccessKeyId!].Expiration - TimeSpan.FromMinutes(10));
        disk.Full = true;
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/_imds/{instanceId}/latest/api/token");
        put.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "300");
        using var tokenAnswer = await http.SendAsync(put);
        var token = await tokenAnswer.Content.ReadAsStringAsync();
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/_imds/{instanceId}/latest/meta-data/iam/security-credentials/web");
        get.Headers.Add("X-aws-ec2-metadata-token", token);

        using var answer = await http.SendAsync(get);
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, tokenAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.StartsWith("ServiceUnavailable: Lab: The change could not be saved to the world store ", body, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class FillableDisk : StoreDisk
    {
        public volatile bool Full;

        public override void Write(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset)
        {
            if (!Full)
            {
                base.Write(file, bytes, offset);
                return;
            }

            base.Write(file, bytes[..(bytes.Length / 2)], offset);
            throw new IOException("No space left on device");
        }
    }
}
