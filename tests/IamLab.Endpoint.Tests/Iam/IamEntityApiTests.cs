using IamLab.Client;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Iam;

/// <summary>The other IAM entities over the wire: managed policies, instance profiles, providers, service-linked roles, simulation.</summary>
public sealed class IamEntityApiTests
{
    private const string Account = "333333333333";
    private const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task CreatePolicy_ThenAttachToRole_IsListedAmongTheRolesPolicies()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("app", Ec2Trust);

        var arn = await iam.CreatePolicyAsync("read-logs", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:Get*","Resource":"*"}]}""", path: "/ops/");
        await iam.AttachRolePolicyAsync("app", arn);
        var listed = await iam.SendAsync("ListAttachedRolePolicies", [KeyValuePair.Create("RoleName", "app")]);

        Assert.Equal("arn:aws:iam::333333333333:policy/ops/read-logs", arn);
        Assert.Contains(listed.Descendants(), e => e.Name.LocalName == "PolicyArn" && e.Value == arn);
    }

    [Fact]
    public async Task InstanceProfile_WithItsRole_IsReturnedByGetInstanceProfile()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        await iam.CreateRoleAsync("web", Ec2Trust);

        var arn = await iam.CreateInstanceProfileAsync("web-profile");
        await iam.AddRoleToInstanceProfileAsync("web-profile", "web");
        var profile = await iam.SendAsync("GetInstanceProfile", [KeyValuePair.Create("InstanceProfileName", "web-profile")]);

        Assert.Equal("arn:aws:iam::333333333333:instance-profile/web-profile", arn);
        Assert.Contains(profile.Descendants(), e => e.Name.LocalName == "RoleName" && e.Value == "web");
    }

    [Fact]
    public async Task OpenIdConnectProvider_ForGitHub_GetsTheProviderArn()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);

        var arn = await iam.CreateOpenIdConnectProviderAsync("https://token.actions.githubusercontent.com", ["sts.amazonaws.com"]);

        Assert.Equal("arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com", arn);
    }

    [Fact]
    public async Task ServiceLinkedRole_IsCreatedUnderTheServicePathAndDeletedOnlyThroughItsOwnCall()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);

        var role = await iam.CreateServiceLinkedRoleAsync("autoscaling.amazonaws.com");
        var plainDelete = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.DeleteRoleAsync(role.RoleName));
        var deleted = await iam.SendAsync("DeleteServiceLinkedRole", [KeyValuePair.Create("RoleName", role.RoleName)]);

        Assert.Equal("arn:aws:iam::333333333333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling", role.Arn);
        Assert.Equal("UnmodifiableEntity", plainDelete.ErrorCode);
        Assert.Contains(deleted.Elements(), e => e.Name.LocalName == "DeletionTaskId" && e.Value.Length > 0);
    }

    [Fact]
    public async Task SimulateCustomPolicy_ReportsEachDecisionByItsSimulatorName()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);
        const string Policy = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:*","Resource":"*"},
              {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}
            """;

        var results = await iam.SimulateCustomPolicyAsync([Policy], ["s3:GetObject", "s3:DeleteBucket", "ec2:RunInstances"]);

        Assert.Equal(
            [("s3:GetObject", "allowed"), ("s3:DeleteBucket", "explicitDeny"), ("ec2:RunInstances", "implicitDeny")],
            results.Select(r => (r.EvalActionName, r.EvalDecision)));
    }

    [Fact]
    public async Task CreateRole_MissingItsTrustPolicy_IsAValidationErrorNamingTheMember()
    {
        await using var server = await LabServer.StartAsync();
        using var iam = server.Iam(Account);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => iam.SendAsync("CreateRole", [KeyValuePair.Create("RoleName", "r")]));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal("1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null", error.Message);
    }
}
