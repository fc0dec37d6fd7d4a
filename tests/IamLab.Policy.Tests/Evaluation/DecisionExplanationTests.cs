using CsCheck;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.Policy.Reading;
using IamLab.Policy.Tests.Properties;
using Xunit;

namespace IamLab.Policy.Tests.Evaluation;

/// <summary>The structured trace (typed, nested with parent ids, values compared) and the one explanation model grouped from it.</summary>
public class DecisionExplanationTests
{
    private const string Caller = "arn:aws:iam::111111111111:user/dev";
    private const string Role = "arn:aws:iam::999999999999:role/Partner";

    private const string Trust = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "Partner", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole",
           "Condition": {"StringEquals": {"sts:ExternalId": "agreed-id"}}},
          {"Sid": "NoInterns", "Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
           "Condition": {"StringEquals": {"aws:PrincipalTag/level": "intern"}}}
        ]}
        """;

    private const string CallerPolicy = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
          {"Sid": "Assume", "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::999999999999:role/Partner"}
        ]}
        """;

    private static DecisionExplanation Explain(RequestContext context, bool trace = true)
    {
        var request = new AuthorizationRequest(Caller, "sts:AssumeRole", Role, context);
        var policies = new PolicySet { ResourcePolicy = PolicyReader.Read(Trust).Policy, IdentityPolicies = [PolicyReader.Read(CallerPolicy).Policy!] };
        var collector = new EvaluationCollector(trace);
        return DecisionExplanation.Of(request, Authorizer.Authorize(request, policies, collector), collector, policies);
    }

    [Fact]
    public void Trace_NestsPolicyStatementElementCondition_WithParentIds()
    {
        var explanation = Explain(new RequestContext().Set("sts:ExternalId", "wrong-id"));

        var trustAllowPass = explanation.Checks.Single(c => c.Event.Step == TraceStep.Policy && c.Event.Policy!.Value.Kind == PolicyKind.Resource && c.Event.Effect == Effect.Allow);
        Assert.False(trustAllowPass.Event.Passed);
        var statement = Assert.Single(trustAllowPass.Children);
        Assert.Equal(TraceStep.Statement, statement.Event.Step);
        Assert.Equal(trustAllowPass.Event.Id, statement.Event.ParentId);
        Assert.Equal([TraceStep.Action, TraceStep.Principal, TraceStep.Conditions], statement.Children.Select(c => c.Event.Step));
        Assert.All(statement.Children, c => Assert.Equal(statement.Event.Id, c.Event.ParentId));

        var condition = Assert.Single(statement.Children[2].Children).Event;
        Assert.Equal(TraceStep.Condition, condition.Step);
        Assert.Equal(statement.Children[2].Event.Id, condition.ParentId);
        Assert.Equal(Effect.Allow, condition.Effect);
        Assert.Equal("StringEquals", condition.Element);
        Assert.Equal("sts:ExternalId", condition.Key);
        Assert.Equal(["agreed-id"], condition.PolicyValues);
        Assert.Equal(["wrong-id"], condition.RequestValues);
        Assert.False(condition.Passed);
    }

    [Fact]
    public void Trace_ElementEvents_CarryTheValuesCompared()
    {
        var explanation = Explain(new RequestContext().Set("sts:ExternalId", "agreed-id"));
        var trust = explanation.Statements.Single(s => s.Reference.Sid == "Partner");

        var action = trust.Checks.Single(c => c.Step == TraceStep.Action);
        Assert.Equal("Action", action.Element);
        Assert.Equal(["sts:AssumeRole"], action.PolicyValues);
        Assert.Equal(["sts:AssumeRole"], action.RequestValues);
        var principal = trust.Checks.Single(c => c.Step == TraceStep.Principal);
        Assert.Equal("Principal", principal.Element);
        Assert.Equal(["Aws: arn:aws:iam::111111111111:root"], principal.PolicyValues);
        Assert.Equal([Caller], principal.RequestValues);
    }

    [Fact]
    public void AbsentConditionKey_HasNoRequestValues()
    {
        var explanation = Explain(new RequestContext());
        var intern = explanation.Statements.Single(s => s.Reference.Sid == "NoInterns").Checks.Single(c => c.Step == TraceStep.Condition);

        Assert.Null(intern.RequestValues);
        Assert.Equal("aws:PrincipalTag/level", intern.Key);
    }

    [Fact]
    public void Failures_AreTheAllowsThatDidNotApply_NotTheDeniesThatDidNot()
    {
        var explanation = Explain(new RequestContext().Set("sts:ExternalId", "wrong-id"));

        Assert.Equal(Decision.ImplicitDeny, explanation.Decision);
        var failures = explanation.Failures.ToList();
        Assert.Equal(["Partner", "Read"], failures.Select(f => f.Reference.Sid).Order(StringComparer.Ordinal));
        var partner = failures.Single(f => f.Reference.Sid == "Partner");
        Assert.Equal(TraceStep.Conditions, partner.FailedOn);
        Assert.Equal(["StringEquals \"sts:ExternalId\": request value \"wrong-id\", policy value \"agreed-id\" → false"], partner.Reasons.Select(r => r.Detail));
        Assert.Equal(TraceStep.Action, failures.Single(f => f.Reference.Sid == "Read").FailedOn);
        Assert.False(explanation.Statements.Single(s => s.Reference.Sid == "NoInterns").StoodInTheWay);
        Assert.False(explanation.Statements.Single(s => s.Reference.Sid == "Assume").StoodInTheWay);
    }

    [Fact]
    public void Failures_OfAnExplicitDeny_AreTheDeniesThatApplied_WithEveryCheckThatHeld()
    {
        var explanation = Explain(new RequestContext().Set("sts:ExternalId", "agreed-id").Set("aws:PrincipalTag/level", "intern"));

        Assert.Equal(Decision.ExplicitDeny, explanation.Decision);
        var deny = Assert.Single(explanation.Failures);
        Assert.Equal("NoInterns", deny.Reference.Sid);
        Assert.True(deny.Applies);
        Assert.Null(deny.FailedOn);
        Assert.Equal([TraceStep.Action, TraceStep.Principal, TraceStep.Condition], deny.Reasons.Select(r => r.Step));
        Assert.All(deny.Reasons, r => Assert.True(r.Passed));
        Assert.Equal(DenyReason.ExplicitDeny, Assert.Single(explanation.FailedRules).Reason);
    }

    [Fact]
    public void Allowed_GrantingAreTheDecidingAllows_AndNothingFailedInTheWay()
    {
        var explanation = Explain(new RequestContext().Set("sts:ExternalId", "agreed-id"));

        Assert.True(explanation.IsAllowed);
        Assert.Equal(["Assume", "Partner"], explanation.Granting.Select(s => s.Reference.Sid).Order(StringComparer.Ordinal));
        Assert.Empty(explanation.FailedRules);
        Assert.Equal(string.Empty, explanation.Summary);
        Assert.Equal("trust policy", explanation.Describe(explanation.Granting.Single(s => s.Reference.Sid == "Partner").Reference.Policy));
    }

    [Fact]
    public void WithoutTrace_NoEventIsBuilt_ButTheDecidingStatementsAreKnown()
    {
        var explanation = Explain(new RequestContext().Set("sts:ExternalId", "agreed-id"), trace: false);

        Assert.False(explanation.IsTraced);
        Assert.Empty(explanation.Checks);
        Assert.Empty(explanation.Statements);
        Assert.Equal(["Assume", "Partner"], explanation.Deciding.Select(d => d.Sid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TextView_OnlyFailures_ShowsWhatStoodInTheWay()
    {
        var text = Explanation.Render(Explain(new RequestContext().Set("sts:ExternalId", "wrong-id")), onlyFailures: true);

        Assert.Equal($"""
            Decision: implicitDeny
            Request: {Caller} → sts:AssumeRole on {Role}
            Why: The role's trust policy does not allow this caller, and a request across accounts needs both the resource's account and the caller's account to allow it.
            Checks:
              ✗ resource statement 0 ("Partner"): Allow statement does not apply
                  ✗ StringEquals "sts:ExternalId": request value "wrong-id", policy value "agreed-id" → false
              ✗ identity[0] statement 0 ("Read"): Allow statement does not apply
                  ✗ Action ["s3:GetObject"] does not match "sts:AssumeRole"
              ✗ The role's trust policy does not allow this caller, and a request across accounts needs both the resource's account and the caller's account to allow it.

            """.Replace("\r\n", "\n", StringComparison.Ordinal), text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Trace_IsAlwaysATree_OfElementsInStatementsInPolicies()
    {
        Gen.Select(PolicyGen.Policy.Array[1, 3], PolicyGen.Request).Sample((policies, r) =>
        {
            var documents = policies.Select(p => PolicyReader.Read(p).Policy!).ToList();
            var context = new RequestContext().Set("aws:SourceIp", r.Ip).Set("aws:MultiFactorAuthPresent", r.Mfa);
            var request = new AuthorizationRequest(Caller, r.Action, r.Resource, context);
            var collector = new EvaluationCollector(trace: true);
            Authorizer.Authorize(request, new PolicySet { IdentityPolicies = documents }, collector);
            var byId = collector.Trace.ToDictionary(e => e.Id);
            return byId.Count == collector.Trace.Count && collector.Trace.All(e => e.ParentId is not { } parent
                || (byId.TryGetValue(parent, out var holder) && holder.Id < e.Id && Holds(holder.Step, e.Step)));
        });
    }

    private static bool Holds(TraceStep holder, TraceStep inner) => holder switch
    {
        TraceStep.Policy => inner == TraceStep.Statement,
        TraceStep.Statement => inner is TraceStep.Action or TraceStep.Resource or TraceStep.Principal or TraceStep.Conditions,
        TraceStep.Conditions => inner == TraceStep.Condition,
        TraceStep.Action or TraceStep.Resource => inner == TraceStep.Variable,
        _ => false,
    };
}
