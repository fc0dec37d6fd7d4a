using IamLab.Client;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Iam;

/// <summary>Every IAM call is authorized by the engine with the caller's policies.</summary>
public sealed class IamAuthorizationTests
{
    private const string Account = "222222222222";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task CreateRole_ByAUserWithoutPolicies_IsAccessDeniedNamingActionAndResource()
    {
        await using var server = await LabServer.StartAsync();
        var key = await NewUser(server, "intern", null);
        using var intern = server.Iam(key.AccessKeyId, key.SecretAccessKey);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => intern.CreateRoleAsync("sneaky", Trust, path: "/apps/"));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal(
            "User: arn:aws:iam::222222222222:user/intern is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::222222222222:role/apps/sneaky because no identity-based policy allows the iam:CreateRole action",
            error.Message);
    }

    [Fact]
    public async Task CreateRole_AllowedOnlyUnderAPath_SucceedsThereAndIsDeniedElsewhere()
    {
        await using var server = await LabServer.StartAsync();
        var key = await NewUser(server, "builder", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateRole","Resource":"arn:aws:iam::222222222222:role/apps/*"}]}
            """);
        using var builder = server.Iam(key.AccessKeyId, key.SecretAccessKey);

        var allowed = await builder.CreateRoleAsync("web", Trust, path: "/apps/");
        var denied = await Assert.ThrowsAsync<IamQueryClientException>(() => builder.CreateRoleAsync("admin", Trust, path: "/admin/"));

        Assert.Equal("arn:aws:iam::222222222222:role/apps/web", allowed.Arn);
        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Contains("arn:aws:iam::222222222222:role/admin/admin", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachRolePolicy_ConditionedOnThePolicyArn_AllowsOnlyThatPolicy()
    {
        await using var server = await LabServer.StartAsync();
        using var root = server.Iam(Account);
        await root.CreateRoleAsync("worker", Trust);
        var key = await NewUser(server, "attacher", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"*",
              "Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}}}]}
            """);
        using var attacher = server.Iam(key.AccessKeyId, key.SecretAccessKey);

        await attacher.AttachRolePolicyAsync("worker", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        var denied = await Assert.ThrowsAsync<IamQueryClientException>(() => attacher.AttachRolePolicyAsync("worker", "arn:aws:iam::aws:policy/AdministratorAccess"));

        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Contains("iam:AttachRolePolicy", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserKey_FromCreateAccessKey_SignsAsThatUser()
    {
        await using var server = await LabServer.StartAsync();
        var key = await NewUser(server, "someone", null);
        using var sts = server.Sts(new Amazon.Runtime.BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey));

        var identity = await sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest());

        Assert.StartsWith("AKIA", key.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal("Active", key.Status);
        Assert.Equal("arn:aws:iam::222222222222:user/someone", identity.Arn);
    }

    private static async Task<IamQueryClientAccessKey> NewUser(LabServer server, string name, string? policy)
    {
        using var root = server.Iam(Account);
        await root.CreateUserAsync(name);
        if (policy is not null)
        {
            await root.PutUserPolicyAsync(name, "inline", policy);
        }

        return await root.CreateAccessKeyAsync(name);
    }
}
