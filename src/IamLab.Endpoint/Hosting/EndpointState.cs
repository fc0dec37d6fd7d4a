using IamLab.World;
using IamLab.World.State;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// What every request shares: the world, the lock that serializes access to it, and the optional world store that
/// every acknowledged change is made durable in before the response goes out.
/// </summary>
public sealed class EndpointState
{
    private readonly Lock _memoryGate = new();

    /// <summary>Creates the state.</summary>
    /// <param name="world">The world the endpoint serves.</param>
    /// <param name="store">The store holding <paramref name="world"/>, or null to keep it in memory only.</param>
    public EndpointState(LabWorld world, WorldStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (store is not null && !ReferenceEquals(store.World, world))
        {
            throw new ArgumentException("The store holds another world.", nameof(store));
        }

        World = world;
        Store = store;
        ImdsTokens = new Imds.ImdsTokens(world.Time);
    }

    /// <summary>The IMDSv2 tokens issued by every metadata service of the endpoint (each token is bound to its instance).</summary>
    public Imds.ImdsTokens ImdsTokens { get; }

    /// <summary>The per-instance metadata listeners, or null when the endpoint opens none (instance metadata off, or not started by <see cref="LabEndpoint"/>).</summary>
    public Imds.InstanceMetadataListeners? MetadataListeners { get; internal set; }

    /// <summary>The world.</summary>
    public LabWorld World { get; }

    /// <summary>
    /// The lock around every read and change of <see cref="World"/>: the world's collections are not thread-safe.
    /// Hold it only for the world operation itself, never across I/O to the client. It is re-entrant.
    /// </summary>
    public Lock WorldGate => Store?.Gate ?? _memoryGate;

    /// <summary>The world store, or null.</summary>
    public WorldStore? Store { get; }

    /// <summary>The store's file, or null.</summary>
    public string? StateFile => Store?.Path;

    /// <summary>How many batches of changes have been written to the store (for tests and logs).</summary>
    public long Commits => Store?.Flushes ?? 0;

    /// <summary>
    /// Makes every change made so far durable in the store, when there is one: the changes are found (their cost is the
    /// change, not the world), appended and fsynced, sharing one write with the commits of concurrent requests. Call
    /// it after a successful change and before writing the response; a request that changed nothing need not call it,
    /// and when it does, nothing is written. Call it without holding <see cref="WorldGate"/>: the store's writer takes it.
    /// </summary>
    /// <returns>A task that completes once the changes are on disk, or fails with <see cref="StoreUnavailableException"/>.</returns>
    public Task CommitAsync() => Store is null ? Task.CompletedTask : Store.CommitAsync();
}
