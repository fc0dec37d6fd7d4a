using CsCheck;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.Policy.Reading;
using Xunit;

namespace IamLab.Policy.Tests.Properties;

/// <summary>The laws of AWS's evaluation logic, checked on random policies and requests.</summary>
public class EvaluationLaws
{
    private static (AuthorizationResult Result, EvaluationCollector Collector, List<PolicyDocument> Policies) Run(string[] policies, (string Action, string Resource, string Ip, string Mfa) r)
    {
        var documents = policies.Select(p => PolicyReader.Read(p).Policy!).ToList();
        var context = new RequestContext().Set("aws:SourceIp", r.Ip).Set("aws:MultiFactorAuthPresent", r.Mfa);
        var request = new AuthorizationRequest("arn:aws:iam::111111111111:user/alice", r.Action, r.Resource, context);
        var collector = new EvaluationCollector();
        return (Authorizer.Authorize(request, new PolicySet { IdentityPolicies = documents }, collector), collector, documents);
    }

    [Fact]
    public void MatchingDeny_AlwaysGivesExplicitDeny()
    {
        Gen.Select(PolicyGen.Policy.Array[1, 3], PolicyGen.Request).Sample((policies, r) =>
        {
            var (result, collector, _) = Run(policies, r);
            var anyDeny = collector.Determining.Any(s => s.Policy.Kind == PolicyKind.Identity) && result.Decision == Decision.ExplicitDeny;

            // Adding a Deny of everything to any of the policies must give explicitDeny.
            var withDeny = policies.Append("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}}").ToArray();
            var (denied, _, _) = Run(withDeny, r);
            return denied.Decision == Decision.ExplicitDeny && (result.Decision != Decision.ExplicitDeny || anyDeny);
        });
    }

    [Fact]
    public void Allowed_OnlyWhenSomeAllowStatementMatched()
    {
        Gen.Select(PolicyGen.Policy.Array[0, 3], PolicyGen.Request).Sample((policies, r) =>
        {
            var (result, collector, documents) = Run(policies, r);
            if (result.Decision != Decision.Allowed)
            {
                return true;
            }

            return collector.Determining.Count > 0 && collector.Determining.All(s =>
                documents[s.Policy.Index].Statements[s.Statement].Effect == Effect.Allow);
        });
    }

    [Fact]
    public void Decision_IsTheSameWithAndWithoutTrace()
    {
        Gen.Select(PolicyGen.Policy.Array[0, 3], PolicyGen.Request).Sample((policies, r) =>
        {
            var (result, _, documents) = Run(policies, r);
            var context = new RequestContext().Set("aws:SourceIp", r.Ip).Set("aws:MultiFactorAuthPresent", r.Mfa);
            var request = new AuthorizationRequest("arn:aws:iam::111111111111:user/alice", r.Action, r.Resource, context);
            var traced = Authorizer.Authorize(request, new PolicySet { IdentityPolicies = documents }, new EvaluationCollector(trace: true));
            return traced.Decision == result.Decision;
        });
    }
}
