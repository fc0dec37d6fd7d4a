using IamLab.Policy.Evaluation;
using IamLab.World.Authorization;
using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

/// <summary>
/// aws:MultiFactorAuthPresent and aws:MultiFactorAuthAge as AWS sends them (IAM User Guide, "AWS global condition context
/// keys", reference_policies_condition-keys.html, aws:MultiFactorAuthPresent: "not present" for requests signed with an IAM
/// user's long-term access key; "true"/"false" with temporary credentials; aws:MultiFactorAuthAge only with MFA).
/// </summary>
public class MfaConditionKeyTests
{
    private const string TargetArn = "arn:aws:iam::111111111111:role/Target";

    private static Article WithTrust(string condition)
    {
        var lab = new Article();
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole","Condition":CONDITION}]}"""
            .Replace("CONDITION", condition, StringComparison.Ordinal);
        _ = lab.Dev1.CreateRole("Target", trust).Value;
        _ = lab.Dev1.PutRolePolicy("Target", "Read", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""").Value;
        return lab;
    }

    private static IReadOnlyList<string>? Key(AccessCheck check, string key) => check.Context.Lookup(key);

    [Fact]
    public void LongTermAccessKey_SendsNoMfaKeyAtAll()
    {
        var lab = WithTrust("{}");

        var check = lab.World.Authorize(lab.Alice, "s3:ListAllMyBuckets", "*").Value;

        Assert.Null(Key(check, "aws:MultiFactorAuthPresent"));
        Assert.Null(Key(check, "aws:MultiFactorAuthAge"));
    }

    [Fact]
    public void BoolIfExistsTrue_AdmitsTheLongTermKeyWithoutMfa_BoolTrueRefusesIt()
    {
        var ifExists = WithTrust("""{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}""");
        var strict = WithTrust("""{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""");

        Assert.True(ifExists.World.Sts.AssumeRole(ifExists.Alice, new AssumeRoleRequest(TargetArn, "key-only")).IsSuccess);
        Assert.False(strict.World.Sts.AssumeRole(strict.Alice, new AssumeRoleRequest(TargetArn, "key-only")).IsSuccess);
        Assert.True(strict.World.Sts.AssumeRole(strict.Alice, new AssumeRoleRequest(TargetArn, "with-mfa"), MfaKeys.Set(new RequestContext(), withMfa: true)).IsSuccess);
    }

    [Fact]
    public void SessionObtainedWithMfa_CarriesTrueAndTheSecondsSinceMfa()
    {
        var lab = WithTrust("{}");
        var session = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(TargetArn, "mfa"), MfaKeys.Set(new RequestContext(), withMfa: true)).Value;
        lab.Clock.Advance(TimeSpan.FromSeconds(600));

        var check = lab.World.Authorize(session.Credentials, "s3:ListAllMyBuckets", "*").Value;

        Assert.Equal(["true"], Key(check, "aws:MultiFactorAuthPresent"));
        Assert.Equal(["600"], Key(check, "aws:MultiFactorAuthAge"));
        Assert.True(check.IsAllowed);
    }

    [Fact]
    public void SessionObtainedWithoutMfa_CarriesFalseAndNoAge()
    {
        var lab = WithTrust("{}");
        var session = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(TargetArn, "plain")).Value;

        var check = lab.World.Authorize(session.Credentials, "s3:ListAllMyBuckets", "*").Value;

        Assert.Equal(["false"], Key(check, "aws:MultiFactorAuthPresent"));
        Assert.Null(Key(check, "aws:MultiFactorAuthAge"));
    }

    [Fact]
    public void ChainedHop_MadeWithMfaCredentials_KeepsTheOriginalMfaTime()
    {
        var lab = WithTrust("{}");
        _ = lab.Dev1.CreateRole("Next", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/Target"},"Action":"sts:AssumeRole","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"900"}}}]}""").Value;
        _ = lab.Dev1.PutRolePolicy("Target", "Chain", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111111111111:role/Next"}]}""").Value;
        var first = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(TargetArn, "first"), MfaKeys.Set(new RequestContext(), withMfa: true)).Value;
        lab.Clock.Advance(TimeSpan.FromSeconds(300));
        var second = lab.World.Sts.AssumeRole(first.Credentials, new AssumeRoleRequest("arn:aws:iam::111111111111:role/Next", "second"));
        lab.Clock.Advance(TimeSpan.FromSeconds(700));
        var late = lab.World.Sts.AssumeRole(first.Credentials, new AssumeRoleRequest("arn:aws:iam::111111111111:role/Next", "late"));

        Assert.True(second.IsSuccess);
        Assert.Equal(first.Session.MfaAuthenticatedAt, second.Value.Session.MfaAuthenticatedAt);
        Assert.False(late.IsSuccess);
    }
}
