using IamLab.Policy.Conditions;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World.Authorization;
using IamLab.World.Iam;

namespace IamLab.World.Analysis;

/// <summary>
/// Who may assume whom in a world, found by asking the world: for every principal and every role, the whole policy stack
/// decides <c>sts:AssumeRole</c> (<c>sts:AssumeRoleWithSAML</c> / <c>sts:AssumeRoleWithWebIdentity</c> for providers).
/// An allowed request is an edge. A denied one is a conditional edge when its <see cref="DecisionExplanation"/> shows a trust
/// statement that named the caller and the action but whose conditions failed, and the caller's own side did not stand in
/// the way. The notebook's chart and any other front end draw this graph; none works it out again.
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
        var principal = caller.Kind == GraphNodeKind.Account ? Arn.Parse(caller.Id).Account : caller.Id;
        var result = world.AuthorizeAs(principal, action, role.Arn, new RequestContext(), trace: true);
        if (!result.IsSuccess)
        {
            return null;
        }

        var explanation = result.Value.Explanation;
        if (explanation.IsAllowed)
        {
            var deciding = explanation.Deciding.Where(d => d.Policy.Kind == PolicyKind.Resource).ToList();
            var held = deciding
                .Select(explanation.Find)
                .OfType<Statement>()
                .Select(s => ConditionText.Of(s.Conditions))
                .Where(t => t.Length > 0);
            return new GraphEdge(caller.Id, role.Arn, action, false, string.Join(" OR ", held)) { GrantedBy = Statements(deciding) };
        }

        if (explanation.Decision == Decision.ExplicitDeny)
        {
            return null;
        }

        // The trust's Allow statements that named the caller and the action but whose conditions failed; users and roles
        // also need an identity-based Allow for the action (roots, services and providers do not).
        var unmetStatements = explanation.Statements
            .Where(s => s.Reference.Policy.Kind == PolicyKind.Resource && s.Effect == Effect.Allow && s.FailedOn == TraceStep.Conditions)
            .ToList();
        var unmet = unmetStatements.Select(s => s.Source).OfType<Statement>().ToList();
        var ownSide = caller.Kind is not (GraphNodeKind.User or GraphNodeKind.Role)
            || explanation.Statements.Any(s => s.Applies && s.Effect == Effect.Allow && s.Reference.Policy.Kind == PolicyKind.Identity);
        if (unmet.Count == 0 || !ownSide)
        {
            return null;
        }

        return new GraphEdge(caller.Id, role.Arn, action, true, string.Join(" OR ", unmet.Select(s => ConditionText.Of(s.Conditions))))
        {
            GrantedBy = Statements(unmetStatements.Select(s => s.Reference)),
        };
    }

    private static string Statements(IEnumerable<StatementRef> statements) =>
        string.Join("; ", statements.Select(r => $"trust statement {r.Statement}{(r.Sid is { } sid ? $" (\"{sid}\")" : string.Empty)}"));
}
