namespace IamLab.Cli.Commands;

/// <summary>Reads an input file, turning every I/O failure into one clear line instead of a stack trace.</summary>
internal static class InputFile
{
    /// <summary>The largest input file read (policies are kilobytes; case files a few hundred megabytes at most).</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>Reads the whole file as one text.</summary>
    public static bool TryRead(string path, TextWriter error, out string text) =>
        TryLoad(path, error, File.ReadAllText, out text);

    /// <summary>Reads the file as lines (without holding the whole text as well).</summary>
    public static bool TryReadLines(string path, TextWriter error, out string[] lines) =>
        TryLoad(path, error, File.ReadAllLines, out lines);

    private static bool TryLoad<T>(string path, TextWriter error, Func<string, T> load, out T content)
        where T : class
    {
        content = null!;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error.WriteLine($"iamlab: {path}: no such file.");
                return false;
            }

            if (info.Length > MaxBytes)
            {
                error.WriteLine($"iamlab: {path}: the file is {info.Length:N0} bytes; the limit is {MaxBytes:N0}.");
                return false;
            }

            content = load(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"iamlab: {path}: cannot read the file: {e.Message}");
            return false;
        }
    }
}
