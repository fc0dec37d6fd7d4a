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
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 << 20 };
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
    public static void SyncFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
