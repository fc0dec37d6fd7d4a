using IamLab.World.Sts;

namespace IamLab.Interactive.Views;

/// <summary>A session made by a notebook command: its credentials, the chain that led to it and the time it was shown.</summary>
public sealed record SessionView(Session Session, IReadOnlyList<ChainHop> Chain, DateTimeOffset Now)
{
    /// <summary>The federation claims the session was made from, if any (shown for SAML and OIDC flows).</summary>
    public IReadOnlyDictionary<string, string[]>? Claims { get; init; }
}
