using IamLab.World;
using IamLab.World.State;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// What every request shares: the world, the lock that serializes access to it, and the optional state file
/// that every acknowledged change is written to before the response goes out.
/// </summary>
public sealed class EndpointState
{
    /// <summary>Creates the state.</summary>
    /// <param name="world">The world the endpoint serves.</param>
    /// <param name="stateFile">The file to save the world to after every change, or null to keep it in memory only.</param>
    public EndpointState(LabWorld world, string? stateFile = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        World = world;
        StateFile = stateFile;
    }

    /// <summary>The world.</summary>
    public LabWorld World { get; }

    /// <summary>
    /// The lock around every read and change of <see cref="World"/>: the world's collections are not thread-safe.
    /// Hold it only for the world operation itself, never across I/O to the client. It is re-entrant.
    /// </summary>
    public Lock WorldGate { get; } = new();

    /// <summary>The state file, or null.</summary>
    public string? StateFile { get; }

    /// <summary>How many times the world has been saved (for tests and logs).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    private long _commits;

    /// <summary>
    /// Saves the world to <see cref="StateFile"/> (write a temporary file, then rename it over the old one) when
    /// there is one. Call it after every successful change and before writing the response, so that an
    /// acknowledged change survives a crash. Takes <see cref="WorldGate"/> itself.
    /// </summary>
    /// <returns>A completed task once the file is in place.</returns>
    public Task CommitAsync()
    {
        if (StateFile is null)
        {
            return Task.CompletedTask;
        }

        // INVARIANT: the snapshot and the rename happen under the gate, so files are written in the order of
        // the changes and a later save never loses an earlier acknowledged change.
        lock (WorldGate)
        {
            StateStore.Save(World, StateFile);
            _commits++;
        }

        return Task.CompletedTask;
    }
}
