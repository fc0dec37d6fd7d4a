namespace IamLab.World.Analysis;

/// <summary>Who may assume which role in a world: principals and roles as nodes, "may assume" as edges.</summary>
public sealed record AccessGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
