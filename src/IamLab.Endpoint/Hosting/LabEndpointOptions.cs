using IamLab.World;
using IamLab.World.State;

namespace IamLab.Endpoint.Hosting;

/// <summary>How to start a <see cref="LabEndpoint"/>.</summary>
public sealed class LabEndpointOptions
{
    /// <summary>The address to bind; loopback unless told otherwise (any other address needs <see cref="AllowRemote"/>).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// Allows binding a non-loopback address. Then the root convention, the lab's token minting and anonymous
    /// instance metadata are off unless <see cref="RootConvention"/>, <see cref="LabTokens"/> or
    /// <see cref="AnonymousImds"/> switch them back on.
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary>Host names (besides loopback) that requests may name in their <c>Host</c> header; others get 421.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>The root convention (account id + secret <c>test</c>); null: on for loopback, off for a remote bind.</summary>
    public bool? RootConvention { get; set; }

    /// <summary>Minting SAML responses and OIDC tokens under <c>/_lab/</c>; null: on for loopback, off for a remote bind.</summary>
    public bool? LabTokens { get; set; }

    /// <summary>Instance metadata (role credentials) for anyone who asks; null: on for loopback, off for a remote bind.</summary>
    public bool? AnonymousImds { get; set; }

    /// <summary>
    /// The most per-instance metadata listeners (one port of 127.0.0.1 each) open at once; instances beyond it have only
    /// <c>/_imds/ID</c>. 0 opens none.
    /// </summary>
    public int MaxMetadataListeners { get; set; } = 32;

    /// <summary>The most connections served at once; more wait in the operating system's queue.</summary>
    public int MaxConnections { get; set; } = 512;

    /// <summary>The largest body accepted from a request without a signature (anonymous S3 writes, federation calls, IMDS).</summary>
    public int MaxUnsignedBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The port; 0 picks a free one (read it back from <see cref="LabEndpoint.Url"/>).</summary>
    public int Port { get; set; } = 4566;

    /// <summary>
    /// The world store's file (docs/state.md): loaded at start when it exists (a JSON state document from an earlier
    /// lab is converted), and every acknowledged change is durable in it before the answer. Null keeps the world in
    /// memory only.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>Where the store's batches are written and flushed; tests replace it to make the disk fail.</summary>
    public StoreDisk StateDisk { get; set; } = StoreDisk.Default;

    /// <summary>The store <see cref="LabEndpoint.OpenWorld"/> opened for <see cref="StateFile"/>, handed on to start.</summary>
    internal WorldStore? OpenedStore { get; set; }

    /// <summary>The world to serve; when null a new one is made (or loaded from <see cref="StateFile"/>).</summary>
    public LabWorld? World { get; set; }

    /// <summary>The clock for a new or loaded world; the system clock by default. Ignored when <see cref="World"/> is set.</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>
    /// Seeds a freshly made world (e.g. from a scenario) before the endpoint accepts requests. Not called for a
    /// world loaded from <see cref="StateFile"/>, which already holds its seed.
    /// </summary>
    public Action<LabWorld>? Seed { get; set; }

    /// <summary>The largest Query (STS, IAM, EC2) body accepted; larger ones get <c>RequestEntityTooLarge</c>.</summary>
    public int MaxQueryBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The largest S3 body (decoded object) accepted.</summary>
    public int MaxS3BodyBytes { get; set; } = 64 * 1024 * 1024;
}
