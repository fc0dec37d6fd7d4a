using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Tests.Malformed;
using Xunit;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// Binding every interface (<c>--host 0.0.0.0</c>): refused without <c>--allow-remote</c>; with it, the lab's open
/// doors (root convention, token minting, anonymous instance metadata) are closed unless switched back on, and the
/// address really bound is reported.
/// </summary>
public sealed class RemoteBindTests
{
    [Fact]
    public async Task NonLoopbackBind_WithoutAllowRemote_IsRefusedWithTheReason()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LabEndpoint.StartAsync(new LabEndpointOptions { Host = "0.0.0.0", Port = 0 }));

        Assert.StartsWith("Binding 0.0.0.0 would let anyone who reaches this machine act as the root of every account", error.Message, StringComparison.Ordinal);
        Assert.Contains("pass --allow-remote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowRemote_ReportsTheBoundAddressAndClosesTheLabsDoors()
    {
        await using var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions { Host = "0.0.0.0", Port = 0, AllowRemote = true });
        using var sts = RootSts(endpoint);

        var root = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        var token = await RawHttp.SendAsync(endpoint.Url, Get(endpoint, "/_lab/oidc/token?repository=myorg/myrepo&ref=refs/heads/main"));
        var imds = await RawHttp.SendAsync(endpoint.Url,
            $"PUT /_imds/i-0123456789abcdef0/latest/api/token HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Url.Port}\r\nX-aws-ec2-metadata-token-ttl-seconds: 60\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        Assert.Equal("0.0.0.0", endpoint.BoundUrl.Host);
        Assert.Equal("127.0.0.1", endpoint.Url.Host);
        Assert.Equal("InvalidClientTokenId", root.ErrorCode);
        Assert.Equal(403, token.Status);
        Assert.Contains("MintingOff", token.Text, StringComparison.Ordinal);
        Assert.Equal(403, imds.Status);
        Assert.Contains("Instance metadata is off", imds.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowRemote_WithEachDoorSwitchedBackOn_OpensExactlyThose()
    {
        await using var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions
        {
            Host = "0.0.0.0", Port = 0, AllowRemote = true, RootConvention = true, LabTokens = true,
        });
        using var sts = RootSts(endpoint);

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var token = await RawHttp.SendAsync(endpoint.Url, Get(endpoint, "/_lab/oidc/token?repository=myorg/myrepo&ref=refs/heads/main"));
        var imds = await RawHttp.SendAsync(endpoint.Url,
            $"PUT /_imds/i-0123456789abcdef0/latest/api/token HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Url.Port}\r\nX-aws-ec2-metadata-token-ttl-seconds: 60\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        Assert.Equal("arn:aws:iam::121212121212:root", identity.Arn);
        Assert.Equal(200, token.Status);
        Assert.Contains("\"value\"", token.Text, StringComparison.Ordinal);
        Assert.Equal(403, imds.Status);
    }

    private static AmazonSecurityTokenServiceClient RootSts(LabEndpoint endpoint) =>
        new(new BasicAWSCredentials("121212121212", "test"),
            new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    private static string Get(LabEndpoint endpoint, string target) =>
        $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Url.Port}\r\nConnection: close\r\n\r\n";
}
