namespace IamLab.World.Analysis;

/// <summary>
/// "<see cref="From"/> may call <see cref="Action"/> on role <see cref="To"/>". <see cref="Conditional"/> edges are allowed
/// only when the trust policy's <see cref="Conditions"/> hold; the others are allowed as the world stands.
/// </summary>
public sealed record GraphEdge(string From, string To, string Action, bool Conditional, string Conditions);
