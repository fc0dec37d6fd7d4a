using IamLab.Client;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.World;
using IamLab.World.Events;
using Xunit;

namespace IamLab.Endpoint.Tests.Iam;

/// <summary>
/// IAM Identity Center's roles (path <c>/aws-reserved/sso.amazonaws.com/REGION/</c>, names <c>AWSReservedSSO_*</c>) are
/// made and changed by Identity Center only: IAM answers any change with UnmodifiableEntity "this role is only
/// modifiable by AWS", whoever asks, even the account's root (IAM Identity Center User Guide, "Troubleshooting IAM
/// Identity Center issues"; IAM User Guide, "Service-linked roles" and "Roles terms and concepts"). Reading works.
/// </summary>
public sealed class IdentityCenterRoleTests
{
    private const string Account = "111111111111";
    private const string Name = "AWSReservedSSO_AdministratorAccess_0123456789abcdef";
    private const string Path = "/aws-reserved/sso.amazonaws.com/eu-west-1/";
    private const string Trust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE"},
          "Action":["sts:AssumeRoleWithSAML","sts:TagSession"],"Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}
        """;

    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";

    private static void Seed(LabWorld world)
    {
        world.CreateAccount(Account);
        var iam = world.Iam(Account);
        _ = iam.CreateRole(Name, Trust, path: Path).Value;
        _ = iam.CreateRole("AWSReservedSSO_LookAlike", Trust).Value;
    }

    public static TheoryData<string> Changes => ["PutRolePolicy", "AttachRolePolicy", "UpdateAssumeRolePolicy", "DeleteRole"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_ByTheAccountsRoot_IsUnmodifiableEntity_AndTheRoleStaysAsItWas(string change)
    {
        await using var server = await LabServer.StartAsync(Seed);
        var iam = server.Iam(Account);

        var error = await Assert.ThrowsAsync<IamQueryClientException>(() => Run(iam, change, Name));

        Assert.Equal(("UnmodifiableEntity", 400), (error.ErrorCode, error.StatusCode));
        Assert.Equal($"Cannot perform the operation on the protected role '{Name}' - this role is only modifiable by AWS", error.Message);
        var role = server.World.Iam(Account).Account.Roles[Name];
        Assert.Empty(role.InlinePolicies);
        Assert.Empty(role.AttachedPolicyArns);
        Assert.Contains("AWSSSO_0123456789abcdef_DO_NOT_DELETE", role.TrustPolicy.Json, StringComparison.Ordinal);
        var logged = server.World.Events.Find(new EventFilter { EventName = change }).Single();
        Assert.Equal("UnmodifiableEntity", logged.ErrorCode);
    }

    [Fact]
    public async Task GetRole_Works_AndALookAlikeOutsideTheReservedPathIsAnOrdinaryRole()
    {
        await using var server = await LabServer.StartAsync(Seed);
        var iam = server.Iam(Account);

        var role = await iam.GetRoleAsync(Name);
        await iam.PutRolePolicyAsync("AWSReservedSSO_LookAlike", "s3", Policy);

        Assert.Equal($"arn:aws:iam::{Account}:role{Path}{Name}", role.Arn);
        Assert.True(server.World.Iam(Account).Account.Roles["AWSReservedSSO_LookAlike"].InlinePolicies.ContainsKey("s3"));
    }

    private static Task Run(IamQueryClient iam, string change, string role) => change switch
    {
        "PutRolePolicy" => iam.PutRolePolicyAsync(role, "s3", Policy),
        "AttachRolePolicy" => iam.AttachRolePolicyAsync(role, "arn:aws:iam::aws:policy/AdministratorAccess"),
        "UpdateAssumeRolePolicy" => iam.UpdateAssumeRolePolicyAsync(role, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}"""),
        _ => iam.DeleteRoleAsync(role),
    };
}
