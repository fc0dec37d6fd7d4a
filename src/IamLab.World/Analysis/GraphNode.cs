namespace IamLab.World.Analysis;

/// <summary>A node: an account (its root), a user, a role, a SAML or OIDC provider, or an AWS service.</summary>
public sealed record GraphNode(string Id, string Label, GraphNodeKind Kind);
