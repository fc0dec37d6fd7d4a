using Microsoft.Win32.SafeHandles;

namespace IamLab.World.State;

/// <summary>
/// The seam between the world store and the disk for appended change batches: write the bytes, then make them durable.
/// The default writes with <see cref="RandomAccess.Write(SafeFileHandle, ReadOnlySpan{byte}, long)"/> and flushes with
/// <see cref="RandomAccess.FlushToDisk"/> (fsync). Tests derive from it to make the disk fail as a full disk does
/// (an <see cref="IOException"/> from the write or the flush) without needing a full file system.
/// </summary>
public class StoreDisk
{
    /// <summary>The real disk.</summary>
    public static StoreDisk Default { get; } = new();

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="offset"/> of <paramref name="file"/>.</summary>
    /// <param name="file">The store's open file.</param>
    /// <param name="bytes">The bytes.</param>
    /// <param name="offset">Where, from the start of the file.</param>
    public virtual void Write(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset) => RandomAccess.Write(file, bytes, offset);

    /// <summary>
    /// Writes part of a whole copy of the store (a new store, or a compaction's <c>PATH.tmp</c>): the snapshot's
    /// frames, then the batches appended meanwhile. A compaction runs beside the requests, so a test can hold it here.
    /// </summary>
    /// <param name="file">The copy's open file.</param>
    /// <param name="bytes">The bytes.</param>
    /// <param name="offset">Where, from the start of the file.</param>
    public virtual void WriteCompaction(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset) => RandomAccess.Write(file, bytes, offset);

    /// <summary>Makes everything written to <paramref name="file"/> durable (fsync) before returning.</summary>
    /// <param name="file">The store's open file.</param>
    public virtual void Flush(SafeFileHandle file) => RandomAccess.FlushToDisk(file);
}
