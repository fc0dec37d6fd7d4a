using IamLab.Policy.Evaluation;
using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

/// <summary>
/// The request values and caller facts AssumeRole turns into condition keys, each shown deciding a trust policy:
/// sts:RoleSessionName, sts:SourceIdentity, aws:RequestTag/…, aws:TagKeys, sts:TransitiveTagKeys, aws:EpochTime,
/// aws:PrincipalTag/…, aws:MultiFactorAuthPresent.
/// </summary>
public class AssumeRoleConditionKeyTests
{
    private const string TargetArn = "arn:aws:iam::111111111111:role/Target";

    private static Article WithTrust(string condition, string actions = "\"sts:AssumeRole\"", string principal = "arn:aws:iam::111111111111:user/alice")
    {
        var lab = new Article();
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"PRINCIPAL"},"Action":[ACTIONS],"Condition":CONDITION}]}"""
            .Replace("PRINCIPAL", principal, StringComparison.Ordinal).Replace("ACTIONS", actions, StringComparison.Ordinal)
            .Replace("CONDITION", condition, StringComparison.Ordinal);
        _ = lab.Dev1.CreateRole("Target", trust).Value;
        return lab;
    }

    private static bool Assume(Article lab, AssumeRoleRequest request, RequestContext? context = null, Credentials? as_ = null) =>
        lab.World.Sts.AssumeRole(as_ ?? lab.Alice, request, context).IsSuccess;

    [Fact]
    public void RoleSessionName_StringLike()
    {
        var lab = WithTrust("""{"StringLike":{"sts:RoleSessionName":"alice-*"}}""");

        Assert.True(Assume(lab, new AssumeRoleRequest(TargetArn, "alice-laptop")));
        Assert.False(Assume(lab, new AssumeRoleRequest(TargetArn, "bob-laptop")));
    }

    [Fact]
    public void SourceIdentity_MustBeSetAndMatch()
    {
        var lab = WithTrust("""{"StringEquals":{"sts:SourceIdentity":"alice"}}""", "\"sts:AssumeRole\",\"sts:SetSourceIdentity\"");

        Assert.True(Assume(lab, new AssumeRoleRequest(TargetArn, "s1") { SourceIdentity = "alice" }));
        Assert.False(Assume(lab, new AssumeRoleRequest(TargetArn, "s2") { SourceIdentity = "mallory" }));
        Assert.False(Assume(lab, new AssumeRoleRequest(TargetArn, "s3")));
    }

    [Fact]
    public void RequestTagAndTagKeys_OnlyTheAllowedTag()
    {
        var lab = WithTrust("""{"StringEquals":{"aws:RequestTag/team":"blue"},"ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}""",
            "\"sts:AssumeRole\",\"sts:TagSession\"");

        Assert.True(Assume(lab, new AssumeRoleRequest(TargetArn, "s1") { Tags = [new Tag("team", "blue")] }));
        Assert.False(Assume(lab, new AssumeRoleRequest(TargetArn, "s2") { Tags = [new Tag("team", "red")] }));
        Assert.False(Assume(lab, new AssumeRoleRequest(TargetArn, "s3") { Tags = [new Tag("team", "blue"), new Tag("cost", "42")] }));
    }

    [Fact]
    public void TransitiveTagKeys_DenyMakingCostTransitive()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("Target", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":["sts:AssumeRole","sts:TagSession"]},
              {"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:TagSession",
               "Condition":{"ForAnyValue:StringEquals":{"sts:TransitiveTagKeys":"cost"}}}]}
            """).Value;
        Tag[] tags = [new Tag("team", "blue"), new Tag("cost", "42")];

        Assert.True(Assume(lab, new AssumeRoleRequest(TargetArn, "s1") { Tags = tags, TransitiveTagKeys = ["team"] }));
        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(TargetArn, "s2") { Tags = tags, TransitiveTagKeys = ["cost"] }).Error!;
        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:TagSession on resource: arn:aws:iam::111111111111:role/Target with an explicit deny in the role trust policy",
            error.Message);
    }

    [Fact]
    public void EpochTime_FromTheWorldsClock()
    {
        // 1740960000 is 2025-03-03T00:00:00Z; the article's clock starts at 2025-03-01T09:00:00Z.
        var lab = WithTrust("""{"NumericLessThan":{"aws:EpochTime":"1740960000"}}""");

        Assert.True(Assume(lab, new AssumeRoleRequest(TargetArn, "s1")));
        lab.Clock.Advance(TimeSpan.FromDays(2));
        Assert.False(Assume(lab, new AssumeRoleRequest(TargetArn, "s2")));
    }

    [Fact]
    public void PrincipalTag_FromTheCallingUsersTags()
    {
        var lab = WithTrust("""{"StringEquals":{"aws:PrincipalTag/dept":"eng"}}""", principal: "arn:aws:iam::111111111111:root");
        _ = lab.Dev1.CreateUser("carol", tags: [new Tag("dept", "eng")]).Value;
        _ = lab.Dev1.CreateUser("dave", tags: [new Tag("dept", "sales")]).Value;
        _ = lab.Dev1.PutUserPolicy("carol", "Assume", Article.AllowAssumeAnyRole).Value;
        _ = lab.Dev1.PutUserPolicy("dave", "Assume", Article.AllowAssumeAnyRole).Value;

        Assert.True(Assume(lab, new AssumeRoleRequest(TargetArn, "s1"), as_: lab.Dev1.CreateAccessKey("carol").Value));
        Assert.False(Assume(lab, new AssumeRoleRequest(TargetArn, "s2"), as_: lab.Dev1.CreateAccessKey("dave").Value));
    }

    [Fact]
    public void MultiFactorAuthPresent_OnlyWhenTheCallerSignedInWithMfa()
    {
        var lab = WithTrust("""{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""");

        Assert.True(Assume(lab, new AssumeRoleRequest(TargetArn, "s1"), new RequestContext().Set("aws:MultiFactorAuthPresent", "true")));
        Assert.False(Assume(lab, new AssumeRoleRequest(TargetArn, "s2")));
    }

    [Fact]
    public void SameAccount_TrustNamingTheAccount_NeedsAnIdentityAllowToo()
    {
        var lab = WithTrust("{}", principal: "arn:aws:iam::111111111111:root");

        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(TargetArn, "s1")).Error!;
        _ = lab.Dev1.PutUserPolicy("alice", "Assume", Article.AllowAssumeAnyRole).Value;

        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/Target because no identity-based policy allows the sts:AssumeRole action",
            error.Message);
        Assert.True(Assume(lab, new AssumeRoleRequest(TargetArn, "s2")));
    }

    [Fact]
    public void ChainedCall_CannotChangeTheSourceIdentity()
    {
        var lab = WithTrust("{}", "\"sts:AssumeRole\",\"sts:SetSourceIdentity\"");
        _ = lab.Dev1.PutRolePolicy("Target", "Chain", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"}]}""").Value;
        _ = lab.Dev1.UpdateAssumeRolePolicy("Target", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]}""").Value;
        _ = lab.Dev1.PutUserPolicy("alice", "Assume", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"}]}""").Value;
        var first = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(TargetArn, "first") { SourceIdentity = "alice" }).Value;

        var same = lab.World.Sts.AssumeRole(first.Credentials, new AssumeRoleRequest(TargetArn, "same") { SourceIdentity = "alice" });
        var changed = lab.World.Sts.AssumeRole(first.Credentials, new AssumeRoleRequest(TargetArn, "changed") { SourceIdentity = "mallory" }).Error!;

        Assert.Equal("alice", same.Value.SourceIdentity);
        Assert.Equal(("AccessDenied", "User: arn:aws:sts::111111111111:assumed-role/Target/first is not authorized to perform: sts:SetSourceIdentity on resource: arn:aws:iam::111111111111:role/Target"),
            (changed.Code, changed.Message));
    }

    [Fact]
    public void ManagedSessionPolicy_NarrowsAdministratorAccess()
    {
        var lab = WithTrust("{}");
        _ = lab.Dev1.AttachRolePolicy("Target", "arn:aws:iam::aws:policy/AdministratorAccess").Value;

        var session = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(TargetArn, "s1") { PolicyArns = [Article.S3ReadOnly] }).Value;

        Assert.True(lab.World.Authorize(session.Credentials, "s3:GetObject", "arn:aws:s3:::b/k").Value.IsAllowed);
        Assert.Equal("User: arn:aws:sts::111111111111:assumed-role/Target/s1 is not authorized to perform: ec2:RunInstances on resource: * because no session policy allows the ec2:RunInstances action",
            lab.World.Authorize(session.Credentials, "ec2:RunInstances", "*").Value.DenialMessage);
    }
}
