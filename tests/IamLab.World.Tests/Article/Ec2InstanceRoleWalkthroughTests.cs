using IamLab.World.Compute;

namespace IamLab.World.Tests.ArticleWalkthrough;

/// <summary>
/// The article's "EC2 Instance Roles" section, step by step: create-role EC2S3AccessRole with the EC2 trust policy,
/// attach AmazonS3FullAccess, create-instance-profile EC2S3AccessProfile, add-role-to-instance-profile, run-instances
/// with the profile, and an application on the instance that uploads with no credentials in its code.
/// </summary>
public class Ec2InstanceRoleWalkthroughTests
{
    private static (Article Lab, string InstanceId) Launched()
    {
        var lab = new Article();
        var role = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.AttachRolePolicy("EC2S3AccessRole", Article.S3Full).Value;
        _ = lab.Dev1.CreateInstanceProfile("EC2S3AccessProfile").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("EC2S3AccessProfile", "EC2S3AccessRole").Value;
        _ = lab.World.S3.CreateBucket(Article.Dev, "my-bucket").Value;
        Assert.Equal("arn:aws:iam::111111111111:role/EC2S3AccessRole", role.Arn);
        var instance = lab.World.Compute.RunInstance(Article.Dev, "EC2S3AccessProfile").Value;
        return (lab, instance.InstanceId);
    }

    [Fact]
    public void InstanceCredentials_AreASessionOfTheRoleNamedAfterTheInstance()
    {
        var (lab, instanceId) = Launched();

        var credentials = lab.World.Compute.InstanceCredentials(instanceId).Value;
        var caller = lab.World.Sts.GetCallerIdentity(credentials).Value;

        Assert.StartsWith("ASIA", credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.NotNull(credentials.SessionToken);
        Assert.Equal($"arn:aws:sts::111111111111:assumed-role/EC2S3AccessRole/{instanceId}", caller.Arn);
        Assert.Equal("ec2.amazonaws.com", caller.Session!.CallerArn);
    }

    [Fact]
    public void ApplicationOnTheInstance_UploadsWithTheRolesCredentials()
    {
        var (lab, instanceId) = Launched();
        var credentials = lab.World.Compute.InstanceCredentials(instanceId).Value;

        Assert.True(lab.World.S3.PutObject(credentials, "my-bucket", "file.txt", [1, 2, 3]).IsSuccess);
        Assert.Equal([1, 2, 3], lab.World.S3.GetObject(credentials, "my-bucket", "file.txt").Value.Content);
    }

    [Fact]
    public void InstanceCredentials_RenewedBeforeTheyExpire_OldOnesExpireOnTime()
    {
        var (lab, instanceId) = Launched();
        var start = lab.Clock.GetUtcNow();
        var first = lab.World.Compute.InstanceCredentials(instanceId).Value;
        Assert.Equal(start + ComputeService.CredentialLifetime, first.Expiration);

        lab.Clock.Advance(ComputeService.CredentialLifetime - ComputeService.RenewBefore - TimeSpan.FromMinutes(1));
        Assert.Equal(first.AccessKeyId, lab.World.Compute.InstanceCredentials(instanceId).Value.AccessKeyId);

        lab.Clock.Advance(TimeSpan.FromMinutes(2));
        var renewed = lab.World.Compute.InstanceCredentials(instanceId).Value;
        Assert.NotEqual(first.AccessKeyId, renewed.AccessKeyId);
        Assert.Equal(lab.Clock.GetUtcNow() + ComputeService.CredentialLifetime, renewed.Expiration);
        Assert.True(lab.World.Sts.GetCallerIdentity(first).IsSuccess);

        lab.Clock.Advance(first.Expiration!.Value - lab.Clock.GetUtcNow());
        Assert.Equal("ExpiredToken", lab.World.Sts.GetCallerIdentity(first).Error!.Code);
        Assert.True(lab.World.S3.PutObject(lab.World.Compute.InstanceCredentials(instanceId).Value, "my-bucket", "file.txt", [4]).IsSuccess);
    }

    [Fact]
    public void AssociateIamInstanceProfile_GivesARunningInstanceTheRole()
    {
        var (lab, _) = Launched();
        var bare = lab.World.Compute.RunInstance(Article.Dev).Value;
        Assert.Equal("NotFound", lab.World.Compute.InstanceCredentials(bare.InstanceId).Error!.Code);

        _ = lab.World.Compute.AssociateIamInstanceProfile(bare.InstanceId, "EC2S3AccessProfile").Value;

        var caller = lab.World.Sts.GetCallerIdentity(lab.World.Compute.InstanceCredentials(bare.InstanceId).Value).Value;
        Assert.Equal($"arn:aws:sts::111111111111:assumed-role/EC2S3AccessRole/{bare.InstanceId}", caller.Arn);
    }
}
