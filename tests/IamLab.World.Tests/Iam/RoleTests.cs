
namespace IamLab.World.Tests.Iam;

public class RoleTests
{
    [Fact]
    public void CreateRole_Ec2S3AccessRole_HasArnIdAndDefaultMaxSessionDuration()
    {
        var lab = new Article();
        var role = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;

        Assert.Equal("arn:aws:iam::111111111111:role/EC2S3AccessRole", role.Arn);
        Assert.Matches("^AROA[A-Z2-7]{17}$", role.RoleId);
        Assert.Equal(3600, role.MaxSessionDuration);
        Assert.Equal(lab.Clock.GetUtcNow(), role.CreateDate);
        Assert.Null(role.RoleLastUsed);
    }

    [Fact]
    public void CreateRole_SameNameInAnyCase_EntityAlreadyExists()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;

        var error = lab.Dev1.CreateRole("ec2s3accessrole", Article.Ec2Trust).Error!;

        Assert.Equal("EntityAlreadyExists", error.Code);
        Assert.Equal("Role with name ec2s3accessrole already exists.", error.Message);
        Assert.Equal(409, error.HttpStatus);
    }

    [Fact]
    public void GetRole_Unknown_NoSuchEntity()
    {
        var error = new Article().Dev1.GetRole("Nope").Error!;

        Assert.Equal(("NoSuchEntity", "The role with name Nope cannot be found.", 404), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void UpdateRole_MaxSessionDuration3600_IsKept()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust, maxSessionDuration: 43200).Value;

        var role = lab.Dev1.UpdateRole("EC2S3AccessRole", maxSessionDuration: 3600).Value;

        Assert.Equal(3600, role.MaxSessionDuration);
    }

    [Theory]
    [InlineData(43201, "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200")]
    [InlineData(3599, "1 validation error detected: Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600")]
    public void UpdateRole_MaxSessionDurationOutOfRange_ValidationError(int seconds, string message)
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;

        var error = lab.Dev1.UpdateRole("EC2S3AccessRole", maxSessionDuration: seconds).Error!;

        Assert.Equal("ValidationError", error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(3600, lab.Dev1.GetRole("EC2S3AccessRole").Value.MaxSessionDuration);
    }

    [Fact]
    public void CreateRole_TrustPolicyNotJson_MalformedPolicyDocument()
    {
        var error = new Article().Dev1.CreateRole("Broken", "{ not json").Error!;

        Assert.Equal("MalformedPolicyDocument", error.Code);
        Assert.Equal("Syntax errors in policy.", error.Message);
    }

    [Fact]
    public void DeleteRole_WithAttachedPolicy_DeleteConflict()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.AttachRolePolicy("EC2S3AccessRole", Article.S3ReadOnly).Value;

        var error = lab.Dev1.DeleteRole("EC2S3AccessRole").Error!;

        Assert.Equal(("DeleteConflict", "Cannot delete entity, must detach all policies first."), (error.Code, error.Message));
        _ = lab.Dev1.DetachRolePolicy("EC2S3AccessRole", Article.S3ReadOnly).Value;
        Assert.True(lab.Dev1.DeleteRole("EC2S3AccessRole").IsSuccess);
    }

    [Fact]
    public void DeleteRole_InInstanceProfile_DeleteConflict()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.CreateInstanceProfile("EC2S3AccessProfile").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("EC2S3AccessProfile", "EC2S3AccessRole").Value;

        var error = lab.Dev1.DeleteRole("EC2S3AccessRole").Error!;

        Assert.Equal(("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first."), (error.Code, error.Message));
    }

    [Fact]
    public void DeleteRole_WithInlinePolicy_DeleteConflict()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("LambdaS3ReadRole", Article.LambdaTrust).Value;
        _ = lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "S3ReadPolicy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""").Value;

        var error = lab.Dev1.DeleteRole("LambdaS3ReadRole").Error!;

        Assert.Equal("Cannot delete entity, must delete policies first.", error.Message);
    }

    [Fact]
    public void ListRoles_PathPrefix_OnlyMatchingRoles()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("AppRole", Article.Ec2Trust, path: "/app/").Value;
        _ = lab.Dev1.CreateRole("OtherRole", Article.Ec2Trust).Value;

        var roles = lab.Dev1.ListRoles("/app/");

        Assert.Equal(["AppRole"], roles.Select(r => r.Name));
        Assert.Equal("arn:aws:iam::111111111111:role/app/AppRole", roles[0].Arn);
        Assert.Equal(2, lab.Dev1.ListRoles().Count);
    }

    [Fact]
    public void CreateRole_NameWithSpace_ValidationError()
    {
        var error = new Article().Dev1.CreateRole("bad name", Article.Ec2Trust).Error!;

        Assert.Equal("1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+", error.Message);
    }

    [Fact]
    public void PutThenGetRolePolicy_ReturnsTheTextVerbatim()
    {
        var lab = new Article();
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}""";
        _ = lab.Dev1.CreateRole("LambdaS3ReadRole", Article.LambdaTrust).Value;
        _ = lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "S3ReadPolicy", policy).Value;

        Assert.Equal(policy, lab.Dev1.GetRolePolicy("LambdaS3ReadRole", "S3ReadPolicy").Value.Json);
        Assert.Equal("The role policy with name Other cannot be found.", lab.Dev1.GetRolePolicy("LambdaS3ReadRole", "Other").Error!.Message);
    }
}
