namespace IamLab.World.Tests.Iam;

public class ServiceLinkedRoleTests
{
    [Fact]
    public void CreateServiceLinkedRole_AutoScaling_NamedAndPathedByService()
    {
        var role = new Article().Dev1.CreateServiceLinkedRole("autoscaling.amazonaws.com").Value;

        Assert.Equal("arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling", role.Arn);
        Assert.True(role.IsServiceLinked);
    }

    [Fact]
    public void UpdateAssumeRolePolicy_OnServiceLinkedRole_UnmodifiableEntity()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateServiceLinkedRole("autoscaling.amazonaws.com").Value;

        var error = lab.Dev1.UpdateAssumeRolePolicy("AWSServiceRoleForAutoScaling", Article.Ec2Trust).Error!;

        Assert.Equal("UnmodifiableEntity", error.Code);
        Assert.Equal("Cannot perform the operation on the protected role 'AWSServiceRoleForAutoScaling' - this role is only modifiable by AWS", error.Message);
    }

    [Fact]
    public void DeleteRole_OnServiceLinkedRole_RefusedButDeleteServiceLinkedRoleWorks()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateServiceLinkedRole("autoscaling.amazonaws.com").Value;

        Assert.Equal("UnmodifiableEntity", lab.Dev1.DeleteRole("AWSServiceRoleForAutoScaling").Error!.Code);
        var task = lab.Dev1.DeleteServiceLinkedRole("AWSServiceRoleForAutoScaling").Value;

        Assert.StartsWith("task/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling/", task);
        Assert.False(lab.Dev1.GetRole("AWSServiceRoleForAutoScaling").IsSuccess);
    }

    [Fact]
    public void CreateServiceLinkedRole_Twice_NameTaken()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateServiceLinkedRole("autoscaling.amazonaws.com").Value;

        var error = lab.Dev1.CreateServiceLinkedRole("autoscaling.amazonaws.com").Error!;

        Assert.Equal("Service role name AWSServiceRoleForAutoScaling has been taken in this account, please try a different suffix.", error.Message);
    }
}
