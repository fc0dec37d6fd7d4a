using IamLab.World;
using IamLab.World.State;

namespace IamLab.Endpoint.Hosting;

/// <summary>How to start a <see cref="LabEndpoint"/>.</summary>
public sealed class LabEndpointOptions
{
    /// <summary>The address to bind; loopback unless told otherwise.</summary>
    public string Host { get; set; } = "127.0.0.1";

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
