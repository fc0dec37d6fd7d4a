namespace IamLab.World.Analysis;

/// <summary>
/// The colour of each kind of node in every picture of an access graph (the notebooks' and labs apps' chart, the
/// teachers' HTML report), so a role is the same purple wherever a learner or a teacher sees it.
/// </summary>
public static class GraphNodeColours
{
    /// <summary>The colour of a node of each kind, as a CSS hex colour.</summary>
    public static IReadOnlyDictionary<GraphNodeKind, string> ByKind { get; } = new Dictionary<GraphNodeKind, string>
    {
        [GraphNodeKind.Account] = "#57606a",
        [GraphNodeKind.User] = "#0969da",
        [GraphNodeKind.Role] = "#8250df",
        [GraphNodeKind.SamlProvider] = "#bf8700",
        [GraphNodeKind.OidcProvider] = "#1a7f37",
        [GraphNodeKind.Service] = "#cf222e",
    };
}
