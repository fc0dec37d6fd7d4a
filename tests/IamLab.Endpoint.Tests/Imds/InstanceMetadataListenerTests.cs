using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using IamLab.Endpoint.Ec2;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Tests.Ec2;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Imds;

/// <summary>
/// Each instance's own metadata listener on 127.0.0.1 (the root-path IMDS every SDK can use), IMDSv1 against IMDSv2 by
/// the instance's HttpTokens, the cap on listeners, and the listeners closing with the endpoint.
/// </summary>
public sealed class InstanceMetadataListenerTests
{
    [Fact]
    public async Task RunInstances_OpensAListener_NamedInTheLabHeader_AndAtListener_ServingTheInstanceAtTheRoot()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var recorder = new ResponseHeaderRecorder();
        var launcher = Ec2World.Launcher(server.World);
        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials(launcher.AccessKeyId, launcher.SecretAccessKey),
            new AmazonEC2Config { ServiceURL = server.Url, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0, HttpClientFactory = recorder });

        var instance = await ec2.LaunchAsync();
        var header = recorder.LastHeaders[Ec2Handler.MetadataEndpointHeader];
        using var http = new HttpClient();
        var advertised = (await http.GetStringAsync($"{server.Url}/_imds/{instance.InstanceId}/listener")).Trim();
        var listener = server.Endpoint.InstanceMetadataUrls[instance.InstanceId].ToString().TrimEnd('/');
        var id = await http.GetStringAsync($"{listener}/latest/meta-data/instance-id");

        Assert.Equal($"{instance.InstanceId}={listener}/", header);
        Assert.Equal(listener, advertised);
        Assert.StartsWith("http://127.0.0.1:", listener, StringComparison.Ordinal);
        Assert.NotEqual(new Uri(server.Url).Port, new Uri(listener).Port);
        Assert.Equal(instance.InstanceId, id);
    }

    [Fact]
    public async Task HttpTokensOptional_ServesCredentialsWithoutAToken_ThenRequired_Refuses401UntilATokenIsSent()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));
        var instance = await ec2.LaunchAsync();
        var listener = server.Endpoint.InstanceMetadataUrls[instance.InstanceId].ToString().TrimEnd('/');
        using var http = new HttpClient();
        var path = $"{listener}/latest/meta-data/iam/security-credentials/{Ec2World.Role}";

        using var v1 = await http.GetAsync(path);
        var v1Body = await v1.Content.ReadAsStringAsync();
        var modified = await ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest
        {
            InstanceId = instance.InstanceId, HttpTokens = HttpTokensState.Required,
        });
        using var refused = await http.GetAsync(path);
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, $"{listener}/latest/api/token");
        tokenRequest.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
        using var tokenResponse = await http.SendAsync(tokenRequest);
        var token = await tokenResponse.Content.ReadAsStringAsync();
        using var v2Request = new HttpRequestMessage(HttpMethod.Get, path);
        v2Request.Headers.Add("X-aws-ec2-metadata-token", token);
        using var v2 = await http.SendAsync(v2Request);

        Assert.Equal(HttpTokensState.Optional, instance.MetadataOptions.HttpTokens);
        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        Assert.StartsWith("ASIA", JsonDocument.Parse(v1Body).RootElement.GetProperty("AccessKeyId").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpTokensState.Required, modified.InstanceMetadataOptions.HttpTokens);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
    }

    [Fact]
    public async Task ListenersAreCapped_TheInstanceBeyondTheCapHasOnlyTheSharedPath()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed, maxMetadataListeners: 2);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));
        var first = await ec2.LaunchAsync();
        var second = await ec2.LaunchAsync();
        var third = await ec2.LaunchAsync();
        using var http = new HttpClient();

        using var none = await http.GetAsync($"{server.Url}/_imds/{third.InstanceId}/listener");
        var shared = await http.GetStringAsync($"{server.Url}/_imds/{third.InstanceId}/latest/meta-data/instance-id");

        Assert.Equal(new[] { first.InstanceId, second.InstanceId }.Order(StringComparer.Ordinal), server.Endpoint.InstanceMetadataUrls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(third.InstanceId, shared);
    }

    [Fact]
    public async Task AListener_RefusesAReboundHostAndAWebPage_LikeTheEndpoint()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));
        var instance = await ec2.LaunchAsync();
        var listener = server.Endpoint.InstanceMetadataUrls[instance.InstanceId].ToString().TrimEnd('/');
        using var http = new HttpClient();

        using var rebound = new HttpRequestMessage(HttpMethod.Get, $"{listener}/latest/meta-data/iam/security-credentials/{Ec2World.Role}");
        rebound.Headers.Host = "attacker.example";
        using var reboundResponse = await http.SendAsync(rebound);
        using var page = new HttpRequestMessage(HttpMethod.Get, $"{listener}/latest/meta-data/iam/security-credentials/{Ec2World.Role}");
        page.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var pageResponse = await http.SendAsync(page);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, reboundResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pageResponse.StatusCode);
    }

    [Fact]
    public async Task AListener_BindsLoopbackOnly_WhenTheEndpointListensOnEveryInterface()
    {
        string? instanceId = null;
        await using var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions
        {
            Host = "0.0.0.0", Port = 0, AllowRemote = true, AnonymousImds = true,
            Seed = world =>
            {
                Ec2World.Seed(world);
                instanceId = world.Compute.RunInstance(S3.S3World.Owner, Ec2World.Profile).Value.InstanceId;
            },
        });
        var listener = endpoint.InstanceMetadataUrls[instanceId!];
        // 127.0.0.2 is loopback too, but not the address 127.0.0.1: only a socket bound to every interface answers it.
        var other = IPAddress.Parse("127.0.0.2");
        using var toEndpoint = new Socket(System.Net.Sockets.AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var toListener = new Socket(System.Net.Sockets.AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        await toEndpoint.ConnectAsync(other, endpoint.Url.Port);
        var refused = await Assert.ThrowsAsync<SocketException>(() => toListener.ConnectAsync(other, listener.Port));

        Assert.True(toEndpoint.Connected);
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Listeners_OpenAtStartForTheWorldsInstances_AndCloseWithTheEndpoint()
    {
        string? instanceId = null;
        var server = await LabServer.StartAsync(world =>
        {
            Ec2World.Seed(world);
            instanceId = world.Compute.RunInstance(S3.S3World.Owner, Ec2World.Profile).Value.InstanceId;
        });
        var listener = server.Endpoint.InstanceMetadataUrls[instanceId!];
        using var http = new HttpClient();
        var before = await http.GetStringAsync(new Uri(listener, "latest/meta-data/instance-id"));

        await server.DisposeAsync();
        using var socket = new Socket(System.Net.Sockets.AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, listener.Port));

        Assert.Equal(instanceId, before);
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
