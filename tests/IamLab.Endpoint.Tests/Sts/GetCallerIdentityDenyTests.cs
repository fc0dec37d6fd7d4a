using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.World;
using Xunit;

namespace IamLab.Endpoint.Tests.Sts;

/// <summary>
/// "No permissions are required to perform this operation. If an administrator attaches a policy to your identity
/// that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this operation."
/// (STS API reference, GetCallerIdentity), through the AWS SDK for .NET against the lab endpoint.
/// </summary>
public class GetCallerIdentityDenyTests
{
    private const string Account = "111111111111";
    private const string DenyAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";

    private static World.Sts.Credentials denied = new("", "");

    private static void Seed(LabWorld world)
    {
        world.CreateAccount(Account);
        var iam = world.Iam(Account);
        Ok(iam.CreateUser("denied").Error);
        Ok(iam.PutUserPolicy("denied", "deny-get-caller-identity", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"},
              {"Effect":"Deny","Action":["sts:GetCallerIdentity","sts:AssumeRole"],"Resource":"*"}]}
            """).Error);
        Ok(iam.CreateRole("Target", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}
            """).Error);

        // The organization denies everything to the account as well (an SCP and an RCP).
        world.CreateAccount("999999999999");
        var org = world.Organizations.CreateOrganization("999999999999").Value;
        Ok(world.Organizations.MoveAccount(Account, org.RootId).Error);
        Ok(world.Organizations.AttachServiceControlPolicy(Account, DenyAll).Error);
        Ok(world.Organizations.AttachResourceControlPolicy(Account, """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}""").Error);
        denied = iam.CreateAccessKey("denied").Value;
    }

    [Fact]
    public async Task ExplicitDenyInIdentityPolicySCPAndRCP_GetCallerIdentityStillAnswers()
    {
        await using var server = await LabServer.StartAsync(Seed);
        using var sts = server.Sts(new BasicAWSCredentials(denied.AccessKeyId, denied.SecretAccessKey));

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:iam::111111111111:user/denied", identity.Arn);
        Assert.Equal(Account, identity.Account);
        Assert.StartsWith("AIDA", identity.UserId, StringComparison.Ordinal);

        // The same Deny does deny another STS call of the same caller: it is in force, GetCallerIdentity is exempt.
        var refused = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::111111111111:role/Target",
            RoleSessionName = "denied-session",
        }));
        Assert.Equal("AccessDenied", refused.ErrorCode);
        Assert.Contains("explicit deny", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplicitDeny_TheWorldsDecisionForGetCallerIdentity_IsAllowed()
    {
        await using var server = await LabServer.StartAsync(Seed);

        var check = server.World.Authorize(denied, "sts:GetCallerIdentity", "*").Value;
        var other = server.World.Authorize(denied, "sts:GetSessionToken", "*").Value;

        Assert.True(check.Result.IsAllowed);
        Assert.False(other.Result.IsAllowed);
    }

    private static void Ok(object? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Seeding failed: {error}");
        }
    }
}
