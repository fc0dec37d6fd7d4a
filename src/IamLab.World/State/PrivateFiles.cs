using System.Runtime.InteropServices;

namespace IamLab.World.State;

/// <summary>
/// Files that hold the world hold secrets (secret keys, session tokens, the identity providers' private keys): they are
/// created readable and writable by their owner only (0600), and a rename into place is followed by an fsync of the
/// folder, so the new name survives a power loss too.
/// </summary>
internal static partial class PrivateFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates (or replaces) <paramref name="path"/> for writing, mode 0600 from its first moment.</summary>
    /// <param name="path">The file.</param>
    /// <param name="shared">
    /// True for a file that becomes the world store once renamed into place: unbuffered (it is written with
    /// <see cref="RandomAccess"/>) and open to readers as the store is, so a <c>state export</c> can read it.
    /// </param>
    public static FileStream Create(string path, bool shared = false)
    {
        var options = shared
            ? new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite | FileShare.Delete, BufferSize = 0 }
            : new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 << 20 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
            // Create does not change the mode of a file that already exists.
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, OwnerOnly);
            }
        }

        return new FileStream(path, options);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically (temporary file, fsync, rename, fsync of the folder), mode 0600.</summary>
    public static void WriteAllText(string path, string text)
    {
        var temp = path + ".tmp";
        using (var file = Create(temp))
        using (var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false)))
        {
            writer.Write(text);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        SyncFolder(path);
    }

    /// <summary>Tightens an existing file to 0600 if its group or others may read it; true when it did.</summary>
    public static bool Tighten(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & ~OwnerOnly) == 0)
        {
            return false;
        }

        File.SetUnixFileMode(path, mode & OwnerOnly);
        return true;
    }

    /// <summary>fsync of the folder holding <paramref name="path"/>, so a create or rename in it is durable (POSIX only).</summary>
    /// <param name="path">A file in the folder.</param>
    /// <param name="throwOnError">Throw an <see cref="IOException"/> when the folder cannot be opened or synced (by default that is ignored).</param>
    public static void SyncFolder(string path, bool throwOnError = false)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            Fail("opened");
            return;
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                Fail("synced");
            }
        }
        finally
        {
            _ = Close(fd);
        }

        void Fail(string what)
        {
            if (throwOnError)
            {
                throw new IOException($"The folder {folder} could not be {what} (error {Marshal.GetLastPInvokeError()}), so a rename in it may not survive a power loss.");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
