namespace IamLab.World.State;

/// <summary>
/// Keeps a second process from writing a store that a running lab writes: <c>STORE.lock</c>, held open with
/// <see cref="FileShare.None"/> (an exclusive advisory lock on Linux and macOS, a share lock on Windows) for as long as
/// the store is open. Readers (<c>iamlab state export</c>) do not take it: every batch is checksummed, so they read
/// the batches already durable and leave out one being written.
/// </summary>
internal static class StoreLock
{
    /// <summary>Takes the lock of the store at <paramref name="storePath"/>, or throws <see cref="IOException"/> when another process holds it.</summary>
    public static FileStream Acquire(string storePath)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.OwnerOnly;
        }

        return new FileStream(storePath + ".lock", options);
    }
}
