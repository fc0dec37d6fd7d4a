using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.S3;
using IamLab.Policy.Evaluation;
using IamLab.World;
using Xunit;

namespace IamLab.Endpoint.Tests.Sts;

/// <summary>
/// The endpoint's AccessDenied texts are the world's check for the same call, seen through the AWS SDK from the wire:
/// the organization's SCP (the caller's account), its RCP (the resource's account), the callers' tags and the
/// transitive tag keys STS sets all reach the decision the SDK is told about.
/// </summary>
public sealed class AccessDeniedExplanationTests
{
    private const string Owner = "111111111111";
    private const string Partner = "999999999999";
    private const string RoleArn = "arn:aws:iam::111111111111:role/Tagged";
    private const string Bucket = "org-data-111";

    [Fact]
    public async Task AssumeRole_RefusedByAnScpOnTheCallersTag_SaysWhatTheWorldsCheckSays()
    {
        await using var server = await LabServer.StartAsync(Seed);
        var green = Key(server.World, Partner, "green");
        using var sts = server.Sts(green);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "s1" }));

        var world = server.World.Sts.AssumeRole(Credentials(green), new IamLab.World.Sts.AssumeRoleRequest(RoleArn, "s1")).Error!;
        Assert.Equal("NoGreenCallers", Assert.Single(world.Check!.Explanation.Deciding).Sid);
        Assert.Equal(PolicyKind.ServiceControl, world.Check.Explanation.Deciding[0].Policy.Kind);
        Assert.Equal(world.Message, error.Message);
        Assert.Equal("User: arn:aws:iam::999999999999:user/green is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/Tagged with an explicit deny in a service control policy",
            error.Message);
    }

    [Fact]
    public async Task AssumeRole_WithTransitiveKeysTheTrustRefuses_SaysWhatTheWorldsCheckSays()
    {
        await using var server = await LabServer.StartAsync(Seed);
        var plain = Key(server.World, Partner, "plain");
        using var sts = server.Sts(plain);
        var request = new AssumeRoleRequest
        {
            RoleArn = RoleArn,
            RoleSessionName = "s1",
            Tags = [new Amazon.SecurityToken.Model.Tag { Key = "team", Value = "red" }],
            TransitiveTagKeys = ["team"],
        };

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(request));

        var world = server.World.Sts.AssumeRole(Credentials(plain), new IamLab.World.Sts.AssumeRoleRequest(RoleArn, "s1")
        {
            Tags = [new IamLab.World.Tag("team", "red")],
            TransitiveTagKeys = ["team"],
        }).Error!;
        Assert.Equal(["team"], world.Check!.Context.Lookup("sts:TransitiveTagKeys"));
        Assert.Equal(Decision.ImplicitDeny, world.Check.Result.Decision);
        Assert.Equal(world.Message, error.Message);
        Assert.EndsWith("because no role trust policy allows the sts:AssumeRole action", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetObject_RefusedByAnRcpOnTheCallersTag_SaysWhatTheWorldsCheckSays()
    {
        await using var server = await LabServer.StartAsync(Seed);
        var blue = Key(server.World, Owner, "blue");
        using var s3 = server.S3(blue);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(Bucket, "k"));

        var check = server.World.Authorize(Credentials(blue), "s3:GetObject", $"arn:aws:s3:::{Bucket}/k").Value;
        Assert.Equal("NoBlueReaders", Assert.Single(check.Explanation.Deciding).Sid);
        Assert.Equal(PolicyKind.ResourceControl, check.Explanation.Deciding[0].Policy.Kind);
        Assert.Equal(check.DenialMessage!.Replace($"on resource: arn:aws:s3:::{Bucket}/k", $"on resource: \"arn:aws:s3:::{Bucket}/k\"", StringComparison.Ordinal), error.Message);
        Assert.EndsWith("with an explicit deny in a resource control policy", error.Message, StringComparison.Ordinal);
    }

    private static IamLab.World.Sts.Credentials Credentials(BasicAWSCredentials key)
    {
        var immutable = key.GetCredentials();
        return new IamLab.World.Sts.Credentials(immutable.AccessKey, immutable.SecretKey);
    }

    private static BasicAWSCredentials Key(LabWorld world, string account, string user)
    {
        var made = world.Iam(account).CreateAccessKey(user).Value;
        return new BasicAWSCredentials(made.AccessKeyId, made.SecretAccessKey);
    }

    // 111111111111 owns a role and a bucket; 999999999999 holds the callers. Both are in an organization run from
    // 222222222222: the callers' OU has an SCP refusing the green team's AssumeRole, the owners' OU an RCP refusing
    // the blue team's reads. The role lets 999999999999 in only when the transitive tag keys are ["project"] at most.
    private static void Seed(LabWorld world)
    {
        foreach (var id in new[] { Owner, Partner, "222222222222" })
        {
            Ok(world.CreateAccount(id).Error);
        }

        var owner = world.Iam(Owner);
        Ok(owner.CreateRole("Tagged", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
              "Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"ForAllValues:StringEquals":{"sts:TransitiveTagKeys":["project"]}}}]}
            """).Error);
        Ok(world.S3.CreateBucket(Owner, Bucket).Error);
        Ok(owner.CreateUser("blue", tags: [new IamLab.World.Tag("team", "blue")]).Error);
        Ok(owner.PutUserPolicy("blue", "read", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""").Error);
        var partner = world.Iam(Partner);
        foreach (var (name, team) in new[] { ("green", "green"), ("plain", "none") })
        {
            Ok(partner.CreateUser(name, tags: [new IamLab.World.Tag("team", team)]).Error);
            Ok(partner.PutUserPolicy(name, "assume", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"*"}]}""").Error);
        }

        var org = world.Organizations.CreateOrganization("222222222222").Value;
        var owners = world.Organizations.CreateOrganizationalUnit("Owners", org.RootId).Value;
        var callers = world.Organizations.CreateOrganizationalUnit("Callers", org.RootId).Value;
        Ok(world.Organizations.MoveAccount(Owner, owners.Id).Error);
        Ok(world.Organizations.MoveAccount(Partner, callers.Id).Error);
        Ok(world.Organizations.AttachServiceControlPolicy(callers.Id, """
            {"Version":"2012-10-17","Statement":[{"Sid":"NoGreenCallers","Effect":"Deny","Action":"sts:AssumeRole","Resource":"*",
              "Condition":{"StringEquals":{"aws:PrincipalTag/team":"green"}}}]}
            """).Error);
        Ok(world.Organizations.AttachResourceControlPolicy(owners.Id, """
            {"Version":"2012-10-17","Statement":[{"Sid":"NoBlueReaders","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"*",
              "Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}]}
            """).Error);
    }

    private static void Ok(object? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Seeding failed: {error}");
        }
    }
}
