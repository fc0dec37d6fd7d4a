using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;

namespace IamLab.World.Simulation;

/// <summary>Runs the policy simulator: every action on every resource against one policy set, as AWS's simulator does.</summary>
internal static class Simulator
{
    public static IReadOnlyList<SimulationResult> Run(string principal, PolicySet policies, IEnumerable<string> actions, IEnumerable<string> resources,
        RequestContext? context, DateTimeOffset now)
    {
        var results = new List<SimulationResult>();
        var resourceList = resources.DefaultIfEmpty("*").ToList();
        foreach (var action in actions)
        {
            foreach (var resource in resourceList)
            {
                var facts = context?.Clone() ?? new RequestContext();
                facts.SetDefault("aws:CurrentTime", Authorization.PolicyStack.Iso(now));
                var request = new AuthorizationRequest(principal, action, resource, facts);
                var collector = new EvaluationCollector();
                var result = Authorizer.Authorize(request, policies, collector);
                results.Add(new SimulationResult(action, resource, result.Decision.ToName(), collector.Determining.ToList(), Missing(policies, facts))
                {
                    OrganizationsDecisionDetail = policies.ServiceControlPolicies is { } scps
                        ? new OrganizationsDecisionDetail(AllowedByScps(principal, action, resource, facts, scps))
                        : null,
                });
            }
        }

        return results;
    }

    // The SCPs' own verdict, apart from the identity policies: the same request against the SCPs and an identity
    // policy that allows everything.
    private static bool AllowedByScps(string principal, string action, string resource, RequestContext context,
        IReadOnlyList<IReadOnlyList<PolicyDocument>> scps)
    {
        var alone = new PolicySet { IdentityPolicies = [AllowEverything.Value], ServiceControlPolicies = scps };
        return Authorizer.Authorize(new AuthorizationRequest(principal, action, resource, context.Clone()), alone, new EvaluationCollector()).IsAllowed;
    }

    private static readonly Lazy<PolicyDocument> AllowEverything = new(() =>
        IamLab.Policy.Reading.PolicyReader.Read("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""").Policy!);

    private static List<string> Missing(PolicySet policies, RequestContext context)
    {
        var missing = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, policy) in policies.All())
        {
            foreach (var statement in policy.Statements)
            {
                foreach (var condition in statement.Conditions.Where(c => context.Lookup(c.Key) is null))
                {
                    missing.Add(condition.Key);
                }
            }
        }

        return missing.ToList();
    }
}
