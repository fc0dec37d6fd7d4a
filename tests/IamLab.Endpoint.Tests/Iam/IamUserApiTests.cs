using IamLab.Client;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Iam;

/// <summary>GetUser and CreateAccessKey for callers that are not users.</summary>
public sealed class IamUserApiTests
{
    [Fact]
    public async Task GetUser_WithoutAName_AsRoot_DescribesTheRootUser()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam("454545454545");

        var result = await iam.SendAsync("GetUser", []);
        var user = result.Elements().Single(e => e.Name.LocalName == "User");

        Assert.Equal("arn:aws:iam::454545454545:root", user.Elements().Single(e => e.Name.LocalName == "Arn").Value);
        Assert.Equal("454545454545", user.Elements().Single(e => e.Name.LocalName == "UserId").Value);
    }

    [Fact]
    public async Task GetUser_WithoutAName_AsARoleSession_IsAValidationError()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        var session = await CrossAccountWorld.AssumePartnerAccessAsync(server, "who-am-i");
        using var iam = server.Iam(session.Credentials.AccessKeyId, session.Credentials.SecretAccessKey, session.Credentials.SessionToken);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.SendAsync("GetUser", []));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal("Must specify userName when calling with non-User credentials", error.Message);
    }

    [Fact]
    public async Task RoleSession_WithoutIamPermissions_IsDeniedCreateRoleNamingTheSession()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        var session = await CrossAccountWorld.AssumePartnerAccessAsync(server, "no-iam");
        using var iam = server.Iam(session.Credentials.AccessKeyId, session.Credentials.SecretAccessKey, session.Credentials.SessionToken);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.CreateRoleAsync("x", "{}"));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.StartsWith("User: arn:aws:sts::111111111111:assumed-role/PartnerAccess/no-iam is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111111111111:role/x", error.Message, StringComparison.Ordinal);
    }
}
