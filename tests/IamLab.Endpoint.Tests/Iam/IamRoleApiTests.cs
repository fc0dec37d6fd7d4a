using System.Net.Http.Headers;
using IamLab.Client;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Iam;

/// <summary>IAM's role operations through the lab's own signed Query client, as an account's root.</summary>
public sealed class IamRoleApiTests
{
    private const string Account = "123456789012";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task CreateRole_ThenGetRole_ReturnsTheRoleWithItsTrustPolicyDecoded()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);

        var created = await iam.CreateRoleAsync("app-server", Trust, path: "/apps/", description: "web tier", maxSessionDuration: 7200);
        var fetched = await iam.GetRoleAsync("app-server");

        Assert.Equal("arn:aws:iam::123456789012:role/apps/app-server", created.Arn);
        Assert.StartsWith("AROA", created.RoleId, StringComparison.Ordinal);
        Assert.Equal(created, fetched);
        Assert.Equal(Trust, fetched.AssumeRolePolicyDocument);
        Assert.Equal(7200, fetched.MaxSessionDuration);
        Assert.Equal("web tier", fetched.Description);
    }

    [Fact]
    public async Task GetRole_OnTheWire_UrlEncodesThePolicyDocumentAsIamDoes()
    {
        await using var server = await LabServer.StartAsync();
        using (var iam = server.Iam(Account))
        {
            await iam.CreateRoleAsync("encoded", Trust);
        }

        using var raw = new IamQueryClient(server.Endpoint.Url, Account, "test");
        var result = await raw.SendAsync("GetRole", [KeyValuePair.Create("RoleName", "encoded")]);
        var wire = result.Descendants().First(e => e.Name.LocalName == "AssumeRolePolicyDocument").Value;

        Assert.StartsWith("%7B%22Version%22%3A%222012-10-17%22", wire, StringComparison.Ordinal);
        Assert.Equal("https://iam.amazonaws.com/doc/2010-05-08/", result.Name.NamespaceName);
    }

    [Fact]
    public async Task ListRoles_WithPathPrefix_ReturnsOnlyRolesUnderThatPath()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("a", Trust, path: "/team-a/");
        await iam.CreateRoleAsync("b", Trust, path: "/team-b/");
        await iam.CreateRoleAsync("c", Trust, path: "/team-a/sub/");

        var teamA = await iam.ListRolesAsync("/team-a/");
        var all = await iam.ListRolesAsync();

        Assert.Equal(["a", "c"], teamA.Select(r => r.RoleName).Order());
        Assert.Equal(["a", "b", "c"], all.Select(r => r.RoleName).Order());
    }

    [Fact]
    public async Task GetRole_ThatDoesNotExist_IsNoSuchEntity404()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.GetRoleAsync("ghost"));

        Assert.Equal("NoSuchEntity", error.ErrorCode);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Sender", error.ErrorType);
        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task CreateRole_Twice_IsEntityAlreadyExists409()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("twice", Trust);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.CreateRoleAsync("twice", Trust));

        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task CreateRole_WithABrokenTrustPolicy_IsMalformedPolicyDocument()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.CreateRoleAsync("broken", "{\"Version\":\"2012-10-17\",\"Statement\":["));

        Assert.Equal("MalformedPolicyDocument", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_ThenDeleteRole_ChangesThenRemovesTheRole()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("changing", Trust);
        var lambdaTrust = Trust.Replace("ec2.amazonaws.com", "lambda.amazonaws.com", StringComparison.Ordinal);

        await iam.UpdateAssumeRolePolicyAsync("changing", lambdaTrust);
        var updated = await iam.GetRoleAsync("changing");
        await iam.DeleteRoleAsync("changing");
        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.GetRoleAsync("changing"));

        Assert.Equal(lambdaTrust, updated.AssumeRolePolicyDocument);
        Assert.Equal("NoSuchEntity", error.ErrorCode);
    }

    [Fact]
    public async Task PutRolePolicy_ThenGetRolePolicy_ReturnsTheDocument()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("reader", Trust);
        const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}""";

        await iam.PutRolePolicyAsync("reader", "read", Policy);
        var document = await iam.GetRolePolicyAsync("reader", "read");

        Assert.Equal(Policy, document);
    }

    [Fact]
    public async Task UnknownAction_IsInvalidActionNamingActionAndVersion()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.SendAsync("CreateUnicorn", []));

        Assert.Equal("InvalidAction", error.ErrorCode);
        Assert.Equal("Could not find operation CreateUnicorn for version 2010-05-08", error.Message);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task Response_CarriesTheRequestIdHeaderAndXmlContentType()
    {
        await using var server = await LabServer.StartAsync();
        using var http = new HttpClient();
        using var request = QueryRequestSigner.Sign(server.Endpoint.Url, "iam", "us-east-1", "Action=ListRoles&Version=2010-05-08",
            Account, "test", null, DateTimeOffset.UtcNow);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var requestId = response.Headers.GetValues("x-amzn-RequestId").Single();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/xml"), response.Content.Headers.ContentType);
        Assert.Contains($"<RequestId>{requestId}</RequestId>", body, StringComparison.Ordinal);
    }
}
