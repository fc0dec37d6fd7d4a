namespace IamLab.World.State;

/// <summary>How a <see cref="WorldStore"/> is opened.</summary>
public sealed class WorldStoreOptions
{
    /// <summary>The clock of the loaded world.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Makes the world of a store that does not exist yet (a new, empty world by default).</summary>
    public Func<LabWorld>? NewWorld { get; init; }

    /// <summary>Where appended batches are written and flushed; replaced in tests to make the disk fail.</summary>
    public StoreDisk Disk { get; init; } = StoreDisk.Default;

    /// <summary>The journal may grow to this many bytes beyond twice the live data before it is compacted (64 MiB by default).</summary>
    public long CompactionSlack { get; init; } = 64L * 1024 * 1024;
}
