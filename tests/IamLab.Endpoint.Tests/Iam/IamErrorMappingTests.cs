using IamLab.Client;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Iam;

/// <summary>The world's IAM errors reach the client with AWS's code, message and HTTP status.</summary>
public sealed class IamErrorMappingTests
{
    private const string Account = "565656565656";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task DeleteRole_WithAnAttachedPolicy_IsDeleteConflict409()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("busy", Trust);
        await iam.AttachRolePolicyAsync("busy", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.DeleteRoleAsync("busy"));

        Assert.Equal("DeleteConflict", error.ErrorCode);
        Assert.Equal("Cannot delete entity, must detach all policies first.", error.Message);
        Assert.Equal(409, error.StatusCode);
        Assert.Equal("Sender", error.ErrorType);
    }

    [Fact]
    public async Task SecondRoleInAnInstanceProfile_IsLimitExceeded()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("first", Trust);
        await iam.CreateRoleAsync("second", Trust);
        await iam.CreateInstanceProfileAsync("profile");
        await iam.AddRoleToInstanceProfileAsync("profile", "first");

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.AddRoleToInstanceProfileAsync("profile", "second"));

        Assert.Equal("LimitExceeded", error.ErrorCode);
        Assert.Equal("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", error.Message);
        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task AttachRolePolicy_OfAPolicyThatDoesNotExist_IsNoSuchEntity()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("r", Trust);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.AttachRolePolicyAsync("r", "arn:aws:iam::565656565656:policy/nope"));

        Assert.Equal("NoSuchEntity", error.ErrorCode);
        Assert.Equal("Policy arn:aws:iam::565656565656:policy/nope does not exist or is not attachable.", error.Message);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task MaxSessionDurationOutOfRange_IsAValidationError()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.CreateRoleAsync("long", Trust, maxSessionDuration: 50000));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Contains("maxSessionDuration", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
    }
}
