using Amazon.EC2.Model;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;
using IamLab.Client;
using IamLab.Endpoint.Tests.Ec2;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.S3;
using Xunit;

namespace IamLab.Endpoint.Tests.Client;

/// <summary>
/// The IAMLAB_ENDPOINT switch end to end: the factory's STS, S3 and EC2 clients reach whatever endpoint the variable
/// names. LocalStack is not run here; the lab server on a free port stands in for it, since it speaks the same protocols.
/// </summary>
public sealed class LabClientFactoryTests
{
    [Fact]
    public async Task ClientsFromIamLabEndpoint_TalkToThatEndpoint()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var (factory, error) = LabClientFactory.FromSettings(null, name => name == "IAMLAB_ENDPOINT" ? server.Url : null);
        var root = LabClientFactory.Root(S3World.Owner);

        using var sts = factory!.CreateSts(root);
        using var s3 = factory.CreateS3(root);
        using var ec2 = factory.CreateEc2(root);
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3World.Bucket, Key = "via-factory", ContentBody = "ok" });
        var launched = await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", MinCount = 1, MaxCount = 1 });

        Assert.Null(error);
        Assert.Equal(EndpointSource.IamLabEndpoint, factory.Endpoint.Source);
        Assert.Equal("arn:aws:iam::111111111111:root", identity.Arn);
        Assert.Equal("ok"u8.ToArray(), server.World.S3.Buckets[S3World.Bucket].Objects["via-factory"].Content);
        Assert.True(server.World.Compute.Instances.ContainsKey(launched.Reservation.Instances.Single().InstanceId));
    }

    [Fact]
    public async Task ExplicitEndpoint_OverridesAVariableThatPointsElsewhere()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var (factory, _) = LabClientFactory.FromSettings(server.Url, name => name == "IAMLAB_ENDPOINT" ? "http://127.0.0.1:1" : null);

        using var sts = factory!.CreateSts(LabClientFactory.Root(S3World.Partner));
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(EndpointSource.Explicit, factory.Endpoint.Source);
        Assert.Equal("999999999999", identity.Account);
    }

    [Fact]
    public async Task IamClientFromTheFactory_CreatesARoleInTheWorld()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        var (factory, _) = LabClientFactory.FromSettings(server.Url, _ => null);

        using var iam = factory!.CreateIam(LabClientFactory.Root(S3World.Partner));
        var role = await iam.CreateRoleAsync("FromFactory", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
            """);

        Assert.Equal("arn:aws:iam::999999999999:role/FromFactory", role.Arn);
        Assert.True(server.World.Accounts[S3World.Partner].Roles.ContainsKey("FromFactory"));
    }

    [Fact]
    public void AnInvalidSetting_GivesTheErrorAndNoFactory()
    {
        var (factory, error) = LabClientFactory.FromSettings("not a url");

        Assert.Null(factory);
        Assert.Equal("InvalidEndpoint", error!.Code);
    }
}
