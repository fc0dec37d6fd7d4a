using IamLab.Interactive.Formatting;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World;
using IamLab.World.Authorization;
using IamLab.World.Iam;

namespace IamLab.Interactive.Charts;

/// <summary>
/// Finds the access graph by asking the engine: for every principal and every role, the world's whole policy stack
/// decides <c>sts:AssumeRole</c> (<c>sts:AssumeRoleWithSAML</c> / <c>sts:AssumeRoleWithWebIdentity</c> for providers).
/// An allowed request is an edge. A denied one is a conditional edge when its trace shows a trust statement that named the
/// caller and the action but whose conditions failed, and the caller's own side did not stand in the way.
/// </summary>
public static class AccessGraphBuilder
{
    /// <summary>Builds the graph; <paramref name="account"/> keeps only the roles of one account as targets.</summary>
    public static AccessGraph Build(LabWorld world, string? account = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var nodes = new List<GraphNode>();
        var accounts = world.Accounts.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        nodes.AddRange(accounts.Select(a => new GraphNode(a.RootArn, $"account {a.Id}", GraphNodeKind.Account)));
        nodes.AddRange(accounts.SelectMany(a => a.Users.Values).Select(u => new GraphNode(u.Arn, $"user {u.Name}", GraphNodeKind.User)));
        var roles = accounts.SelectMany(a => a.Roles.Values).ToList();
        nodes.AddRange(roles.Select(r => new GraphNode(r.Arn, $"role {r.Name}", GraphNodeKind.Role)));
        nodes.AddRange(accounts.SelectMany(a => a.SamlProviders.Values).Select(p => new GraphNode(p.Arn, $"SAML {p.Name}", GraphNodeKind.SamlProvider)));
        nodes.AddRange(accounts.SelectMany(a => a.OidcProviders.Values).Select(p => new GraphNode(p.Arn, $"OIDC {p.Url}", GraphNodeKind.OidcProvider)));
        var services = roles.SelectMany(r => r.TrustPolicy.Document.Statements)
            .SelectMany(s => s.Principal?.Values ?? [])
            .Where(v => v.Type == PrincipalType.Service)
            .Select(v => v.Text)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        nodes.AddRange(services.Select(s => new GraphNode(s, s, GraphNodeKind.Service)));

        var edges = new List<GraphEdge>();
        foreach (var role in roles.Where(r => account is null || r.AccountId == account))
        {
            foreach (var caller in nodes.Where(n => n.Kind != GraphNodeKind.Role || n.Id != role.Arn))
            {
                if (Decide(world, caller, role) is { } edge)
                {
                    edges.Add(edge);
                }
            }
        }

        var used = edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        var kept = nodes.Where(n => account is null || used.Contains(n.Id) || n.Kind == GraphNodeKind.Account).ToList();
        return new AccessGraph(kept, edges);
    }

    private static GraphEdge? Decide(LabWorld world, GraphNode caller, Role role)
    {
        var action = caller.Kind switch
        {
            GraphNodeKind.SamlProvider => "sts:AssumeRoleWithSAML",
            GraphNodeKind.OidcProvider => "sts:AssumeRoleWithWebIdentity",
            _ => "sts:AssumeRole",
        };
        var principal = caller.Kind == GraphNodeKind.Account ? caller.Id.Split(':')[4] : caller.Id;
        var result = world.AuthorizeAs(principal, action, role.Arn, new RequestContext(), trace: true);
        if (!result.IsSuccess)
        {
            return null;
        }

        var check = result.Value;
        var trust = role.TrustPolicy.Document;
        if (check.IsAllowed)
        {
            var held = check.Collector.Determining.Where(d => d.Policy.Kind == PolicyKind.Resource)
                .Select(d => trust.Statements.FirstOrDefault(s => s.Index == d.Statement))
                .OfType<Statement>()
                .Select(s => ConditionText.Of(s.Conditions))
                .Where(t => t.Length > 0);
            return new GraphEdge(caller.Id, role.Arn, action, false, string.Join(" OR ", held));
        }

        if (check.Result.Decision == Decision.ExplicitDeny)
        {
            return null;
        }

        var unmet = UnmetTrustConditions(check.Collector.Trace, trust);
        if (unmet.Count == 0 || !OwnSideAllows(caller, check.Collector.Trace))
        {
            return null;
        }

        return new GraphEdge(caller.Id, role.Arn, action, true, string.Join(" OR ", unmet.Select(s => ConditionText.Of(s.Conditions))));
    }

    // The trust's Allow statements that named the caller and the action but whose conditions failed.
    private static List<Statement> UnmetTrustConditions(IReadOnlyList<TraceEvent> trace, PolicyDocument trust)
    {
        var unmet = new List<Statement>();
        foreach (var group in trace.Where(e => e.Statement is { } s && s.Policy.Kind == PolicyKind.Resource && e.Effect == "Allow").GroupBy(e => e.Statement!.Value.Statement))
        {
            var principalOk = group.Any(e => e.Step == TraceStep.Principal && e.Passed);
            var actionOk = group.Any(e => e.Step == TraceStep.Action && e.Passed);
            var conditionFailed = group.Any(e => e.Step == TraceStep.Condition && !e.Passed);
            if (principalOk && actionOk && conditionFailed && trust.Statements.FirstOrDefault(s => s.Index == group.Key) is { } statement)
            {
                unmet.Add(statement);
            }
        }

        return unmet;
    }

    // Users and roles also need an identity-based Allow for sts:AssumeRole (roots, services and providers do not).
    private static bool OwnSideAllows(GraphNode caller, IReadOnlyList<TraceEvent> trace) =>
        caller.Kind is not (GraphNodeKind.User or GraphNodeKind.Role)
        || trace.Any(e => e.Step == TraceStep.Statement && e.Passed && e.Effect == "Allow" && e.Statement is { } s && s.Policy.Kind == PolicyKind.Identity);
}
