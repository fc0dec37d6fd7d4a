using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.Malformed;
using Xunit;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// A web page open in the learner's browser attacks the endpoint on 127.0.0.1: the root convention's secret is
/// public, so the page can presign any call; the browser adds Origin and Sec-Fetch-Site, and DNS rebinding changes
/// the Host. Each request is sent raw, as the browser would send it.
/// </summary>
public sealed class BrowserAttackTests
{
    private static readonly KeyValuePair<string, string>[] CreateMallory =
    [
        KeyValuePair.Create("Action", "CreateUser"),
        KeyValuePair.Create("Version", "2010-05-08"),
        KeyValuePair.Create("UserName", "mallory"),
    ];

    [Fact]
    public async Task CrossSitePresignedCreateUser_IsRefusedAndCreatesNothing()
    {
        await using var server = await LabServer.StartAsync(w => w.CreateAccount("000000000000"));
        var url = new Uri(server.Url);
        var host = $"127.0.0.1:{url.Port}";
        var query = RawSigV4.Presign("GET", "/", CreateMallory, host, "000000000000", "test", "iam", RawSigV4.Now(), RawSigV4.Sha256(""));

        var withOrigin = await RawHttp.SendAsync(url, $"GET /?{query} HTTP/1.1\r\nHost: {host}\r\nOrigin: https://attacker.example\r\nConnection: close\r\n\r\n");
        var fetchedCrossSite = await RawHttp.SendAsync(url, $"GET /?{query} HTTP/1.1\r\nHost: {host}\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\nConnection: close\r\n\r\n");
        var createdByThePage = server.World.Iam("000000000000").Account.Users.ContainsKey("mallory");
        var fromTheCli = await RawHttp.SendAsync(url, $"GET /?{query} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");

        Assert.Equal(403, withOrigin.Status);
        Assert.Contains("Requests from web pages (Origin: https://attacker.example) are refused", withOrigin.Text, StringComparison.Ordinal);
        Assert.Equal(403, fetchedCrossSite.Status);
        Assert.Contains("Sec-Fetch-Site: cross-site", fetchedCrossSite.Text, StringComparison.Ordinal);
        Assert.False(createdByThePage);
        Assert.Equal(200, fromTheCli.Status);
        Assert.True(server.World.Iam("000000000000").Account.Users.ContainsKey("mallory"));
    }

    [Fact]
    public async Task ReboundHostName_IsMisdirectedWhileLoopbackNamesAnswer()
    {
        await using var server = await LabServer.StartAsync();
        var url = new Uri(server.Url);

        var rebound = await RawHttp.SendAsync(url, $"GET /_lab/oidc/.well-known/jwks HTTP/1.1\r\nHost: rebind.attacker.example:{url.Port}\r\nConnection: close\r\n\r\n");
        var byName = await RawHttp.SendAsync(url, $"GET /_lab/oidc/.well-known/jwks HTTP/1.1\r\nHost: localhost:{url.Port}\r\nConnection: close\r\n\r\n");
        var byAddress = await RawHttp.SendAsync(url, $"GET /_lab/oidc/.well-known/jwks HTTP/1.1\r\nHost: 127.0.0.1:{url.Port}\r\nConnection: close\r\n\r\n");

        Assert.Equal(421, rebound.Status);
        Assert.Contains("The Host 'rebind.attacker.example:", rebound.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"keys\"", rebound.Text, StringComparison.Ordinal);
        Assert.Equal(200, byName.Status);
        Assert.Equal(200, byAddress.Status);
    }

    [Fact]
    public async Task ConfiguredHostName_IsAnswered()
    {
        var options = new IamLab.Endpoint.Hosting.LabEndpointOptions { Port = 0 };
        options.AllowedHosts.Add("lab.internal");
        await using var endpoint = await IamLab.Endpoint.Hosting.LabEndpoint.StartAsync(options);

        var named = await RawHttp.SendAsync(endpoint.Url, $"GET /_lab/oidc/.well-known/jwks HTTP/1.1\r\nHost: LAB.internal:{endpoint.Url.Port}\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, named.Status);
    }

    [Fact]
    public async Task CorsPreflight_IsRefusedWithoutAnyAccessControlHeader()
    {
        await using var server = await LabServer.StartAsync();
        var url = new Uri(server.Url);

        var preflight = await RawHttp.SendAsync(url,
            $"OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1:{url.Port}\r\nOrigin: http://localhost:8888\r\nAccess-Control-Request-Method: POST\r\n"
            + "Access-Control-Request-Headers: authorization,x-amz-date\r\nSec-Fetch-Site: same-site\r\nConnection: close\r\n\r\n");

        Assert.Equal(403, preflight.Status);
        Assert.DoesNotContain("Access-Control-Allow", preflight.Text, StringComparison.OrdinalIgnoreCase);
    }
}
