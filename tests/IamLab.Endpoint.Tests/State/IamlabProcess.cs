using System.Diagnostics;
using System.Text;

namespace IamLab.Endpoint.Tests.State;

/// <summary>
/// The real <c>iamlab</c> command (the build output of src/IamLab.Cli) run as a child process: started, its printed
/// endpoint URL read, then stopped with SIGTERM or killed with SIGKILL.
/// </summary>
internal sealed class IamlabProcess : IDisposable
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static bool _built;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _listening;

    private IamlabProcess(Process process)
    {
        _process = process;
    }

    public Uri Url => new(_url.Task.Result);

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts <c>iamlab ARGS</c>; for <c>serve</c>, waits until it prints the URL it listens on.</summary>
    public static Task<IamlabProcess> StartAsync(params string[] args) => StartAsync(new Dictionary<string, string?>(), args);

    /// <summary>Starts <c>iamlab ARGS</c> with environment variables set (a null value removes the variable).</summary>
    public static async Task<IamlabProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = await CliDllAsync();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var running = new IamlabProcess(process);
        process.OutputDataReceived += (_, e) => running.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (running._errors)
            {
                running._errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    public async Task WaitForUrlAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_url.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != _url.Task)
        {
            throw new InvalidOperationException($"iamlab serve did not print its URL. Output:\n{Output}\nErrors:\n{Errors}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no chance to clean up, as with <c>kill -9</c>.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM, as a service manager or <c>docker stop</c> sends.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill!.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        // The URL comes first; the process is ready (everything printed) at "Press Ctrl+C to stop.".
        const string Marker = "listening on ";
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening = line[(at + Marker.Length)..].Trim();
        }

        if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal) && _listening is not null)
        {
            _url.TrySetResult(_listening);
        }
    }

    // The CLI's build output, brought up to date once per test run (an incremental build is quick when nothing changed).
    private static async Task<string> CliDllAsync()
    {
        var root = Files.RepositoryFiles.Root;

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(root, "src", "IamLab.Cli", "bin", configuration, "net10.0", "iamlab.dll");
        await BuildLock.WaitAsync();
        try
        {
            if (!_built)
            {
                var build = new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src", "IamLab.Cli", "IamLab.Cli.csproj"), "-c", configuration, "-v", "q", "-nologo"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using var process = Process.Start(build)!;
                var output = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"Building the iamlab CLI failed:\n{output}");
                }

                _built = true;
            }
        }
        finally
        {
            BuildLock.Release();
        }

        return dll;
    }
}
