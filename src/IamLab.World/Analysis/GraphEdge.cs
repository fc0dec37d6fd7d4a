namespace IamLab.World.Analysis;

/// <summary>
/// "<see cref="From"/> may call <see cref="Action"/> on role <see cref="To"/>". <see cref="Conditional"/> edges are allowed
/// only when the trust policy's <see cref="Conditions"/> hold; the others are allowed as the world stands.
/// </summary>
public sealed record GraphEdge(string From, string To, string Action, bool Conditional, string Conditions)
{
    /// <summary>
    /// The trust-policy statement(s) that grant the edge (for a conditional edge, those whose conditions would have to
    /// hold), e.g. <c>trust statement 0 ("AllowDev")</c>; empty when none is known.
    /// </summary>
    public string GrantedBy { get; init; } = string.Empty;
}
