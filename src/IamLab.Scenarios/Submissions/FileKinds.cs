using System.Runtime.InteropServices;

namespace IamLab.Scenarios.Submissions;

/// <summary>
/// Tells what a path is without opening it or following a link. .NET reports a pipe or a device as an ordinary file
/// (<see cref="FileAttributes.Normal"/>, length 0), and opening a pipe blocks until a writer comes, so the type comes
/// from the operating system: <c>statx</c> on Linux (one structure layout on every architecture), <c>lstat</c> on macOS,
/// the attributes on Windows (which has no pipes or devices in a folder).
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;
    private const int TypeRegular = 0x8000;
    private const int TypeDirectory = 0x4000;
    private const int TypeLink = 0xA000;

    /// <summary>The kind of <paramref name="path"/>; a path that cannot be examined is <see cref="FileKind.Missing"/>.</summary>
    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux())
        {
            // struct statx: stx_mode is the 16-bit field at offset 28 on every Linux architecture.
            var buffer = new byte[256];
            return Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) == 0 ? FromMode(BitConverter.ToUInt16(buffer, 28)) : FileKind.Missing;
        }

        if (OperatingSystem.IsMacOS())
        {
            // struct stat (64-bit inodes, the only layout on arm64 and the $INODE64 one on x64): st_mode is 16 bits at offset 4.
            var buffer = new byte[256];
            var result = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? LstatDarwinX64(path, buffer) : LstatDarwin(path, buffer);
            return result == 0 ? FromMode(BitConverter.ToUInt16(buffer, 4)) : FileKind.Missing;
        }

        var info = new FileInfo(path);
        if (!info.Exists && !System.IO.Directory.Exists(path))
        {
            return info.LinkTarget is null ? FileKind.Missing : FileKind.Link;
        }

        var attributes = File.GetAttributes(path);
        return attributes.HasFlag(FileAttributes.ReparsePoint) ? FileKind.Link
            : attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory
            : attributes.HasFlag(FileAttributes.Device) ? FileKind.Special
            : FileKind.Regular;
    }

    private static FileKind FromMode(ushort mode) => (mode & TypeMask) switch
    {
        TypeRegular => FileKind.Regular,
        TypeDirectory => FileKind.Directory,
        TypeLink => FileKind.Link,
        _ => FileKind.Special,
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int LstatDarwin([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "lstat$INODE64", SetLastError = true)]
    private static extern int LstatDarwinX64([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
