using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IamLab.Endpoint.Tests.Clients;

/// <summary>
/// <c>moto_server</c> (moto 5.2, shipped with the machine image's Python; LocalStack's free edition serves IAM and STS
/// through moto) started on 127.0.0.1 and a free port, stopped with the test.
/// </summary>
internal sealed class MotoServer : IDisposable
{
    private readonly Process _process;

    private MotoServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<MotoServer> StartAsync()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("moto_server is not on PATH: the machine image's Python ships moto 5.2 (pip's moto[server]).", e);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(new Uri(server.Url, "/moto-api/"));
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(500);
            }
        }

        server.Dispose();
        throw new InvalidOperationException($"moto_server did not answer on {server.Url} within a minute.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
