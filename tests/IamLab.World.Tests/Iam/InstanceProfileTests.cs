namespace IamLab.World.Tests.Iam;

public class InstanceProfileTests
{
    [Fact]
    public void AddRoleToInstanceProfile_SecondRole_LimitExceeded()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.CreateRole("OtherRole", Article.Ec2Trust).Value;
        var profile = lab.Dev1.CreateInstanceProfile("EC2S3AccessProfile").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("EC2S3AccessProfile", "EC2S3AccessRole").Value;

        var error = lab.Dev1.AddRoleToInstanceProfile("EC2S3AccessProfile", "OtherRole").Error!;

        Assert.Equal(("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", 409), (error.Code, error.Message, error.HttpStatus));
        Assert.Equal(["EC2S3AccessRole"], profile.RoleNames);
        Assert.Equal("arn:aws:iam::111111111111:instance-profile/EC2S3AccessProfile", profile.Arn);
    }

    [Fact]
    public void CreateInstanceProfile_Twice_EntityAlreadyExists()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateInstanceProfile("EC2S3AccessProfile").Value;

        Assert.Equal("Instance Profile EC2S3AccessProfile already exists.", lab.Dev1.CreateInstanceProfile("EC2S3AccessProfile").Error!.Message);
    }
}
