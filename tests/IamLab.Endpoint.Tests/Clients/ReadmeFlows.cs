using System.Diagnostics;
using IamLab.Endpoint.Tests.Files;
using IamLab.Endpoint.Tests.State;

namespace IamLab.Endpoint.Tests.Clients;

/// <summary>
/// The README's runnable blocks (each after a <c>&lt;!-- readme-flow: NAME --&gt;</c> line) and a bash that runs them
/// against a real <c>iamlab serve</c> process, as a user pasting them would.
/// </summary>
internal static class ReadmeFlows
{
    /// <summary>The fenced block that follows the marker line, without its fences.</summary>
    public static string Block(string name)
    {
        var lines = RepositoryFiles.Read("README.md").Split('\n');
        var marker = Array.FindIndex(lines, l => l.Trim() == $"<!-- readme-flow: {name} -->");
        if (marker < 0 || marker + 1 >= lines.Length || !lines[marker + 1].TrimStart().StartsWith("```", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"README.md has no fenced block after <!-- readme-flow: {name} -->.");
        }

        // A block inside a list item is indented as its fence is; the indentation is Markdown's, not the script's.
        var indent = lines[marker + 1].Length - lines[marker + 1].TrimStart().Length;
        var end = Array.FindIndex(lines, marker + 2, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        return string.Join('\n', lines[(marker + 2)..end].Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l));
    }

    /// <summary>
    /// Starts <c>iamlab serve</c> on a free port and runs the README's block <paramref name="name"/> as written (only
    /// the port differs) between <paramref name="prelude"/> and <paramref name="epilogue"/>, printing <c>last exit N</c>
    /// after the block.
    /// </summary>
    public static async Task<(int Status, string Output, string Errors)> RunAgainstServerAsync(string name, string prelude, string epilogue = "")
    {
        using var server = await IamlabProcess.StartAsync("serve", "--port", "0");
        await server.WaitForUrlAsync();
        var url = server.Url.ToString().TrimEnd('/');
        var flow = Block(name).Replace("http://127.0.0.1:4566", url, StringComparison.Ordinal);
        return await BashAsync(prelude + flow + "\necho \"last exit $?\"\n" + epilogue, TimeSpan.FromMinutes(3));
    }

    /// <summary>Runs <paramref name="script"/> with bash in a clean AWS environment; returns exit status, stdout and stderr.</summary>
    public static async Task<(int Status, string Output, string Errors)> BashAsync(string script, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // No profile, no shared config: only what the script exports. The CLI's pager would wait for a terminal.
        var home = Directory.CreateTempSubdirectory("iamlab-readme-").FullName;
        start.Environment["HOME"] = home;
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home, "config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "credentials");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The README flow did not finish in {timeout}. Output so far:\n{await output}\n{await errors}");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }

        return (process.ExitCode, await output, await errors);
    }
}
