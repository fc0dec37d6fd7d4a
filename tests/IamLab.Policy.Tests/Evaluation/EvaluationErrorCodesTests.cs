using IamLab.Policy.Diagnostics;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Reading;
using Xunit;

namespace IamLab.Policy.Tests.Evaluation;

/// <summary>
/// The codes of the evaluation errors (docs/error-codes.md, "Evaluation errors"): each names one problem, and the
/// statement it names is the one at fault.
/// </summary>
public class EvaluationErrorCodesTests
{
    private const string Alice = "arn:aws:iam::111111111111:user/alice";

    private static (Decision Decision, IReadOnlyList<EvaluationError> Errors) Decide(string identity, RequestContext? context = null)
    {
        var collector = new EvaluationCollector();
        var policies = new PolicySet { IdentityPolicies = [PolicyReader.Read(identity).Policy!] };
        var result = Authorizer.Authorize(new AuthorizationRequest(Alice, "s3:GetObject", "arn:aws:s3:::b/k", context, resourceAccount: "111111111111"), policies, collector);
        return (result.Decision, collector.Errors);
    }

    [Fact]
    public void AllowWithAReadError_IsInvalidStatement_AndCannotAllow()
    {
        const string policy = """{"Version": "2012-10-17", "Statement": [{"Sid": "Ok", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}, {"Sid": "Broken", "Effect": "Allow", "Action": ["s3:GetObject", "not an action"], "Resource": "*"}]}""";

        var (decision, errors) = Decide(policy);

        Assert.Equal(Decision.ImplicitDeny, decision);
        var error = Assert.Single(errors);
        Assert.Equal(PolicyCodes.InvalidStatement, error.Code);
        Assert.Equal("Broken", error.Statement.Sid);
        Assert.Equal("The statement has errors, so it cannot allow anything.", error.Message);
    }

    [Fact]
    public void DenyWithAReadError_IsInvalidStatement_AndApplies()
    {
        const string policy = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Sid": "Broken", "Effect": "Deny", "Action": "s3PutObject", "Resource": "*"}]}""";

        var (decision, errors) = Decide(policy);

        Assert.Equal(Decision.ExplicitDeny, decision);
        var error = Assert.Single(errors);
        Assert.Equal(PolicyCodes.InvalidStatement, error.Code);
        Assert.Equal("The statement has errors, so as a Deny it applies to every request.", error.Message);
    }

    [Theory]
    [InlineData("Allow", Decision.ImplicitDeny)]
    [InlineData("Deny", Decision.ExplicitDeny)]
    public void ConditionValueNotValidForItsOperator_InAStatementMarkedWellFormed_IsInvalidCondition_AndFailsClosed(string effect, Decision expected)
    {
        // The reader marks such a statement as having errors (INVALID_IP), so from a read policy INVALID_STATEMENT shows;
        // this is the evaluator's own defence for a statement whose value it cannot use all the same.
        // For the Deny, a plain Allow beside it: the Deny must still win.
        var other = effect == "Deny" ? """{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, """ : string.Empty;
        var broken = "{\"Sid\": \"FromOffice\", \"Effect\": \"" + effect + "\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"not-an-ip\"}}}";
        var policy = PolicyReader.Read("{\"Version\": \"2012-10-17\", \"Statement\": [" + other + broken + "]}").Policy!;
        var statement = policy.Statements[^1];
        Assert.False(statement.IsWellFormed);
        statement.IsWellFormed = true;
        var collector = new EvaluationCollector();
        var request = new AuthorizationRequest(Alice, "s3:GetObject", "arn:aws:s3:::b/k", new RequestContext().Set("aws:SourceIp", "203.0.113.5"), resourceAccount: "111111111111");

        var decision = Authorizer.Authorize(request, new PolicySet { IdentityPolicies = [policy] }, collector).Decision;

        Assert.Equal(expected, decision);
        var error = Assert.Single(collector.Errors);
        Assert.Equal(PolicyCodes.InvalidCondition, error.Code);
        Assert.Equal("FromOffice", error.Statement.Sid);
        Assert.Equal("The condition IpAddress on \"aws:SourceIp\" has a value that is not valid for its operator.", error.Message);
    }
}
