using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using IamLab.Endpoint.Tests.Ec2;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.S3;
using Xunit;

namespace IamLab.Endpoint.Tests.Imds;

/// <summary>The per-instance metadata service over plain HTTP: IMDSv2 tokens, the role name, the credentials document.</summary>
public sealed class ImdsTests
{
    [Fact]
    public async Task TokenThenCredentials_ServesTheRoleSessionInImdsFormat_AndTheyReadS3AsTheRole()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        await server.PutAsOwnerAsync(("app/config.json", "{\"feature\":true}"));

        var instanceId = await LaunchAsync(server);
        using var http = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{instanceId}/") };
        var token = await TokenAsync(http, 300);

        var roles = await GetAsync(http, "latest/meta-data/iam/security-credentials/", token);
        var document = await GetAsync(http, "latest/meta-data/iam/security-credentials/" + Ec2World.Role, token);
        using var json = JsonDocument.Parse(document.Body);
        var root = json.RootElement;
        using var s3 = server.S3(new SessionAWSCredentials(
            root.GetProperty("AccessKeyId").GetString(), root.GetProperty("SecretAccessKey").GetString(), root.GetProperty("Token").GetString()));

        Assert.Equal((HttpStatusCode.OK, Ec2World.Role), roles);
        Assert.Equal("Success", root.GetProperty("Code").GetString());
        Assert.Equal("AWS-HMAC", root.GetProperty("Type").GetString());
        Assert.StartsWith("ASIA", root.GetProperty("AccessKeyId").GetString(), StringComparison.Ordinal);
        var expiration = DateTimeOffset.Parse(root.GetProperty("Expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(server.Time.GetUtcNow().AddHours(6).ToUnixTimeSeconds(), expiration.ToUnixTimeSeconds(), 2.0);
        Assert.Equal("{\"feature\":true}", await s3.GetTextAsync("app/config.json"));
        var session = server.World.Sts.Sessions[root.GetProperty("AccessKeyId").GetString()!];
        Assert.Equal($"arn:aws:sts::111111111111:assumed-role/AppServerRole/{instanceId}", session.Arn);
    }

    [Fact]
    public async Task EndpointWithATrailingSlash_ThatTheSdkJoinsAsDoubleSlash_StillWorks()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var instanceId = await LaunchAsync(server);
        using var http = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{instanceId}//") };

        var token = await TokenAsync(http, 60);
        var roles = await GetAsync(http, "latest/meta-data/iam/security-credentials", token);

        Assert.Equal((HttpStatusCode.OK, Ec2World.Role), roles);
    }

    [Fact]
    public async Task IdentityDocumentAndPlacement_NameTheInstanceAccountAndRegion()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var instanceId = await LaunchAsync(server);
        using var http = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{instanceId}/") };
        var token = await TokenAsync(http, 60);

        var document = await GetAsync(http, "latest/dynamic/instance-identity/document", token);
        var region = await GetAsync(http, "latest/meta-data/placement/region", token);
        using var json = JsonDocument.Parse(document.Body);

        Assert.Equal(instanceId, json.RootElement.GetProperty("instanceId").GetString());
        Assert.Equal(S3World.Owner, json.RootElement.GetProperty("accountId").GetString());
        Assert.Equal("us-east-1", json.RootElement.GetProperty("region").GetString());
        Assert.Equal((HttpStatusCode.OK, "us-east-1"), region);
    }

    [Fact]
    public async Task ReadWithoutAToken_WhenTheInstanceRequiresTokens_Is401_AndABadTokenIs401()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var instanceId = await LaunchAsync(server);
        using (var ec2 = server.Ec2(Ec2World.Launcher(server.World)))
        {
            await ec2.ModifyInstanceMetadataOptionsAsync(new Amazon.EC2.Model.ModifyInstanceMetadataOptionsRequest
            {
                InstanceId = instanceId, HttpTokens = Amazon.EC2.HttpTokensState.Required,
            });
        }

        using var http = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{instanceId}/") };

        var withoutToken = await GetAsync(http, "latest/meta-data/iam/security-credentials/", null);
        var withBadToken = await GetAsync(http, "latest/meta-data/iam/security-credentials/", "made-up");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, withBadToken.Status);
    }

    [Fact]
    public async Task HttpTokensOptional_ReadWithoutAToken_IsServed_ButABadTokenIsStill401()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var instanceId = await LaunchAsync(server);
        using var http = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{instanceId}/") };

        var withoutToken = await GetAsync(http, "latest/meta-data/iam/security-credentials/", null);
        var withBadToken = await GetAsync(http, "latest/meta-data/iam/security-credentials/", "made-up");

        Assert.Equal((HttpStatusCode.OK, Ec2World.Role), withoutToken);
        Assert.Equal(HttpStatusCode.Unauthorized, withBadToken.Status);
    }

    [Fact]
    public async Task HttpEndpointDisabled_AnswersNothingOfTheInstance()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var instanceId = await LaunchAsync(server);
        using (var ec2 = server.Ec2(Ec2World.Launcher(server.World)))
        {
            await ec2.ModifyInstanceMetadataOptionsAsync(new Amazon.EC2.Model.ModifyInstanceMetadataOptionsRequest
            {
                InstanceId = instanceId, HttpEndpoint = Amazon.EC2.InstanceMetadataEndpointState.Disabled,
            });
        }

        using var http = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{instanceId}/") };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        tokenRequest.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
        using var token = await http.SendAsync(tokenRequest);
        var read = await GetAsync(http, "latest/meta-data/instance-id", null);

        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.Status);
        Assert.Contains("HttpEndpoint=disabled", read.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AToken_IsGoodOnlyForItsInstanceAndItsLifetime()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var first = await LaunchAsync(server);
        var second = await LaunchAsync(server);
        using var firstHttp = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{first}/") };
        using var secondHttp = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{second}/") };
        var token = await TokenAsync(firstHttp, 60);

        var own = await GetAsync(firstHttp, "latest/meta-data/instance-id", token);
        var other = await GetAsync(secondHttp, "latest/meta-data/instance-id", token);
        server.Time.Advance(TimeSpan.FromSeconds(61));
        var expired = await GetAsync(firstHttp, "latest/meta-data/instance-id", token);

        Assert.Equal((HttpStatusCode.OK, first), own);
        Assert.Equal(HttpStatusCode.Unauthorized, other.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("21601")]
    [InlineData("abc")]
    public async Task TokenRequest_WithoutAValidTtl_Is400(string? ttl)
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var instanceId = await LaunchAsync(server);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{server.Url}/_imds/{instanceId}/latest/api/token");
        if (ttl is not null)
        {
            request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", ttl);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TokenRequest_ThroughAProxy_IsForbidden()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var instanceId = await LaunchAsync(server);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{server.Url}/_imds/{instanceId}/latest/api/token");
        request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnInstanceWithoutAProfile_HasNoCredentials_AndAnUnknownInstanceIs404()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var bare = await LaunchAsync(server, withProfile: false);
        using var http = new HttpClient { BaseAddress = new Uri($"{server.Url}/_imds/{bare}/") };
        var token = await TokenAsync(http, 60);

        var credentials = await GetAsync(http, "latest/meta-data/iam/security-credentials/", token);
        using var unknown = await http.GetAsync($"{server.Url}/_imds/i-00000000000000000/latest/meta-data/");

        Assert.Equal(HttpStatusCode.NotFound, credentials.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    internal static async Task<string> LaunchAsync(LabServer server, bool withProfile = true)
    {
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));
        return (await ec2.LaunchAsync(withProfile ? Ec2World.Profile : null)).InstanceId;
    }

    private static async Task<string> TokenAsync(HttpClient http, int ttl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "latest/api/token");
        request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", ttl.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ttl.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-aws-ec2-metadata-token-ttl-seconds").Single());
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Add("X-aws-ec2-metadata-token", token);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
