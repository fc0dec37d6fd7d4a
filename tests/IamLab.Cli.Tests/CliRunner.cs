namespace IamLab.Cli.Tests;

/// <summary>Runs the CLI in process and captures its output and exit status.</summary>
internal static class CliRunner
{
    public static async Task<(int Status, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var status = await CliApp.RunAsync(args, output, error);
        return (status, output.ToString(), error.ToString());
    }

    public static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), $"iamlab-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
