namespace IamLab.Endpoint.Hosting;

/// <summary>
/// The lab's deliberately open doors, decided once at start: each is on when the endpoint listens on loopback only,
/// and off when it is reachable from the network (<see cref="LabEndpointOptions.AllowRemote"/>) unless switched back
/// on explicitly. See docs/security.md.
/// </summary>
/// <param name="Remote">The endpoint listens on a non-loopback address.</param>
/// <param name="RootConvention">A 12-digit account id with the public secret <c>test</c> signs as that account's root.</param>
/// <param name="LabTokens">The lab's identity providers mint SAML responses and OIDC tokens for anyone who asks (<c>/_lab/…</c>).</param>
/// <param name="AnonymousImds">The instance metadata routes hand an instance's role credentials to anyone who asks.</param>
/// <param name="AllowedHosts">Host names besides loopback that requests may name in <c>Host</c> (lower case).</param>
public sealed record EndpointSwitches(bool Remote, bool RootConvention, bool LabTokens, bool AnonymousImds, IReadOnlySet<string> AllowedHosts)
{
    /// <summary>The switches of an endpoint on loopback with nothing configured: every lab door open.</summary>
    public static EndpointSwitches Loopback { get; } = new(false, true, true, true, new HashSet<string>());

    /// <summary>Decides the switches from the options and whether the bound address is loopback.</summary>
    /// <param name="options">The options.</param>
    /// <param name="remote">The bound address is not loopback.</param>
    /// <returns>The switches.</returns>
    public static EndpointSwitches For(LabEndpointOptions options, bool remote)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EndpointSwitches(
            remote,
            options.RootConvention ?? !remote,
            options.LabTokens ?? !remote,
            options.AnonymousImds ?? !remote,
            options.AllowedHosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal));
    }
}
