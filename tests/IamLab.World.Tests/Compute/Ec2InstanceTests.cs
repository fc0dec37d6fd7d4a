namespace IamLab.World.Tests.Compute;

public class Ec2InstanceTests
{
    private static Article Ec2Lab()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.AttachRolePolicy("EC2S3AccessRole", Article.S3ReadOnly).Value;
        _ = lab.Dev1.CreateInstanceProfile("EC2S3AccessProfile").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("EC2S3AccessProfile", "EC2S3AccessRole").Value;
        return lab;
    }

    [Fact]
    public void RunInstance_WithProfile_HoldsRoleSessionCredentials()
    {
        var lab = Ec2Lab();
        var instance = lab.World.Compute.RunInstance(Article.Dev, "EC2S3AccessProfile").Value;

        var credentials = lab.World.Compute.InstanceCredentials(instance.InstanceId).Value;
        var who = lab.World.Sts.GetCallerIdentity(credentials).Value;

        Assert.Equal($"arn:aws:sts::111111111111:assumed-role/EC2S3AccessRole/{instance.InstanceId}", who.Arn);
        Assert.True(lab.World.Authorize(credentials, "s3:ListBucket", "arn:aws:s3:::any-bucket").Value.IsAllowed);
        Assert.False(lab.World.Authorize(credentials, "s3:PutObject", "arn:aws:s3:::any-bucket/x").Value.IsAllowed);
    }

    [Fact]
    public void InstanceCredentials_RenewedBeforeExpiry()
    {
        var lab = Ec2Lab();
        var instance = lab.World.Compute.RunInstance(Article.Dev, "EC2S3AccessProfile").Value;
        var first = lab.World.Compute.InstanceCredentials(instance.InstanceId).Value;

        lab.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(first, lab.World.Compute.InstanceCredentials(instance.InstanceId).Value);
        lab.Clock.Advance(TimeSpan.FromMinutes(50));
        var renewed = lab.World.Compute.InstanceCredentials(instance.InstanceId).Value;

        Assert.NotEqual(first.AccessKeyId, renewed.AccessKeyId);
        Assert.True(lab.World.Sts.GetCallerIdentity(renewed).IsSuccess);
    }

    [Fact]
    public void AssociateLater_ProfileWhoseRoleDoesNotTrustEc2_AccessDenied()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("LambdaOnly", Article.LambdaTrust).Value;
        _ = lab.Dev1.CreateInstanceProfile("WrongProfile").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("WrongProfile", "LambdaOnly").Value;
        var instance = lab.World.Compute.RunInstance(Article.Dev).Value;

        var error = lab.World.Compute.AssociateIamInstanceProfile(instance.InstanceId, "WrongProfile").Error!;

        Assert.Equal("AccessDenied", error.Code);
    }
}
