namespace IamLab.World.Tests.Authorization;

public class OrganizationTests
{
    [Fact]
    public void ScpDeny_BeatsAdministratorAccess_WithAwsWording()
    {
        var lab = new Article();
        _ = lab.World.CreateAccount("222222222222").Value;
        var org = lab.World.Organizations.CreateOrganization("222222222222").Value;
        var ou = lab.World.Organizations.CreateOrganizationalUnit("Dev", org.RootId).Value;
        _ = lab.World.Organizations.MoveAccount(Article.Dev, ou.Id).Value;
        _ = lab.Dev1.AttachUserPolicy("alice", "arn:aws:iam::aws:policy/AdministratorAccess").Value;
        Assert.True(lab.World.Authorize(lab.Alice, "s3:DeleteBucket", "arn:aws:s3:::b").Value.IsAllowed);

        _ = lab.World.Organizations.AttachServiceControlPolicy(ou.Id, """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}""").Value;
        var check = lab.World.Authorize(lab.Alice, "s3:DeleteBucket", "arn:aws:s3:::b").Value;

        Assert.Equal("explicitDeny", check.DecisionName);
        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: s3:DeleteBucket on resource: arn:aws:s3:::b with an explicit deny in a service control policy", check.DenialMessage);
    }

    [Fact]
    public void ScpWithoutAnAllow_ImplicitDenyWordedAsAwsDoes()
    {
        var lab = new Article();
        _ = lab.World.CreateAccount("222222222222").Value;
        var org = lab.World.Organizations.CreateOrganization("222222222222").Value;
        var ou = lab.World.Organizations.CreateOrganizationalUnit("Dev", org.RootId).Value;
        _ = lab.World.Organizations.MoveAccount(Article.Dev, ou.Id).Value;
        _ = lab.Dev1.AttachUserPolicy("alice", "arn:aws:iam::aws:policy/AdministratorAccess").Value;
        _ = lab.World.Organizations.DetachAllServiceControlPolicies(ou.Id).Value;
        _ = lab.World.Organizations.AttachServiceControlPolicy(ou.Id, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}""").Value;

        var check = lab.World.Authorize(lab.Alice, "s3:GetObject", "arn:aws:s3:::b/k").Value;

        Assert.Equal("implicitDeny", check.DecisionName);
        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no service control policy allows the s3:GetObject action",
            check.DenialMessage);
    }

    [Fact]
    public void Authorize_CurrentTimeFromTheClock_DrivesDateConditions()
    {
        var lab = new Article();
        _ = lab.Dev1.PutUserPolicy("alice", "Window", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2025-03-02T00:00:00Z"}}}]}""").Value;

        Assert.True(lab.World.Authorize(lab.Alice, "s3:GetObject", "arn:aws:s3:::b/k").Value.IsAllowed);
        lab.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action",
            lab.World.Authorize(lab.Alice, "s3:GetObject", "arn:aws:s3:::b/k").Value.DenialMessage);
    }
}
