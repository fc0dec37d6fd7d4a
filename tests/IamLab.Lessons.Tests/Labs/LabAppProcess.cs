using System.Diagnostics;

namespace IamLab.Lessons.Tests.Labs;

/// <summary>Runs <c>dotnet build</c> / <c>dotnet run</c> on a labs app as a learner does, in a child process, with a time limit.</summary>
internal static class LabAppProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet the tests run under (the SDK that built them), else the one on PATH.</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static async Task<(int Status, string Output)> Run(params string[] args)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"dotnet {string.Join(' ', args)} did not end within {Limit}.\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
