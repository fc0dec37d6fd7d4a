namespace IamLab.Interactive.Charts;

/// <summary>Who may assume which role in a world: principals and roles as nodes, "may assume" as edges.</summary>
public sealed record AccessGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>A node: an account (its root), a user, a role, a SAML or OIDC provider, or an AWS service.</summary>
public sealed record GraphNode(string Id, string Label, GraphNodeKind Kind);

/// <summary>What a node is.</summary>
public enum GraphNodeKind
{
    /// <summary>An account, standing for its root user (and, through it, the principals the account allows).</summary>
    Account,
    /// <summary>An IAM user.</summary>
    User,
    /// <summary>An IAM role.</summary>
    Role,
    /// <summary>An IAM SAML identity provider.</summary>
    SamlProvider,
    /// <summary>An IAM OIDC identity provider.</summary>
    OidcProvider,
    /// <summary>An AWS service principal named in a trust policy.</summary>
    Service,
}

/// <summary>
/// "<see cref="From"/> may call <see cref="Action"/> on role <see cref="To"/>". <see cref="Conditional"/> edges are allowed
/// only when the trust policy's <see cref="Conditions"/> hold; the others are allowed as the world stands.
/// </summary>
public sealed record GraphEdge(string From, string To, string Action, bool Conditional, string Conditions);
