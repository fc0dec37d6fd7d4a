using IamLab.Policy.Evaluation;
using IamLab.Policy.Reading;
using Xunit;

namespace IamLab.Policy.Tests.Evaluation;

/// <summary>
/// The engine's own rule for statements with read errors, for callers that hand it such a policy anyway
/// (iamlab eval refuses the case first): such an Allow never allows, such a Deny always applies.
/// </summary>
public class BrokenStatementTests
{
    private const string Alice = "arn:aws:iam::111111111111:user/alice";

    private static Decision Decide(string identity, string? resource = null)
    {
        var policies = new PolicySet
        {
            IdentityPolicies = [PolicyReader.Read(identity).Policy!],
            ResourcePolicy = resource is null ? null : PolicyReader.Read(resource).Policy,
        };
        return Authorizer.Authorize(new AuthorizationRequest(Alice, "s3:GetObject", "arn:aws:s3:::b/k", resourceAccount: "111111111111"), policies).Decision;
    }

    [Fact]
    public void DenyWithAMalformedAction_AppliesToEveryRequest()
    {
        const string policy = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Deny", "Action": "s3PutObject", "Resource": "*"}]}""";
        Assert.True(PolicyReader.Read(policy).HasErrors);
        Assert.Equal(Decision.ExplicitDeny, Decide(policy));
    }

    [Fact]
    public void DenyWithABareStringPrincipal_AppliesToEveryRequest()
    {
        const string allow = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""";
        const string resource = """{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "arn:aws:iam::111111111111:user/bob", "Action": "s3:GetObject", "Resource": "*"}}""";
        Assert.Equal(Decision.ExplicitDeny, Decide(allow, resource));
    }

    [Fact]
    public void AllowWithAnError_NeverAllows()
    {
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:GetObject", "not an action"], "Resource": "*"}}""";
        Assert.Equal(Decision.ImplicitDeny, Decide(policy));
    }

    [Fact]
    public void WellFormedDenyThatDoesNotMatch_DoesNotApply()
    {
        const string policy = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}]}""";
        Assert.Equal(Decision.Allowed, Decide(policy));
    }
}
