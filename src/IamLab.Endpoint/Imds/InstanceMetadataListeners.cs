using System.Net;
using IamLab.Endpoint.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IamLab.Endpoint.Imds;

/// <summary>
/// One metadata listener per instance, each on its own free port of 127.0.0.1, answering at the root
/// (<c>http://127.0.0.1:PORT/latest/…</c>) as 169.254.169.254 does on an instance. Every SDK can be pointed at one with
/// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:PORT</c>, including those that drop the endpoint's path (the
/// AWS SDK for JavaScript v3), which <c>/_imds/ID</c> cannot serve. Listeners bind loopback only, whatever the endpoint
/// binds; their number is capped (<see cref="Capacity"/>) so a world cannot make the lab open unbounded ports, and they
/// close with the endpoint.
/// </summary>
public sealed class InstanceMetadataListeners : IAsyncDisposable
{
    private readonly EndpointState _state;
    private readonly EndpointSwitches _switches;
    private readonly Dictionary<string, (WebApplication App, Uri Url)> _open = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    /// <summary>Creates the set (no listener is open yet).</summary>
    /// <param name="state">The endpoint's state (world, tokens).</param>
    /// <param name="switches">The endpoint's switches (for the Host and Origin checks).</param>
    /// <param name="capacity">The most listeners open at once.</param>
    public InstanceMetadataListeners(EndpointState state, EndpointSwitches switches, int capacity)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(switches);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _state = state;
        _switches = switches;
        Capacity = capacity;
    }

    /// <summary>The most listeners open at once; instances launched beyond it have only <c>/_imds/ID</c>.</summary>
    public int Capacity { get; }

    /// <summary>Raised after a listener opened, with the instance id and the listener's URL (on the thread that opened it).</summary>
    public event Action<string, Uri>? Opened;

    /// <summary>The open listeners' URLs by instance id (a copy).</summary>
    public IReadOnlyDictionary<string, Uri> Urls
    {
        get
        {
            lock (_open)
            {
                return _open.ToDictionary(p => p.Key, p => p.Value.Url, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The URL of <paramref name="instanceId"/>'s listener, or null when it has none.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <returns>The URL, e.g. <c>http://127.0.0.1:41234/</c>.</returns>
    public Uri? UrlOf(string instanceId)
    {
        lock (_open)
        {
            return _open.TryGetValue(instanceId, out var entry) ? entry.Url : null;
        }
    }

    /// <summary>
    /// Opens <paramref name="instanceId"/>'s listener (or returns the open one). Null when <see cref="Capacity"/>
    /// listeners are already open or the set is closed.
    /// </summary>
    /// <param name="instanceId">An instance of the world.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The listener's URL, or null.</returns>
    public async Task<Uri?> OpenAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_open)
            {
                if (_open.TryGetValue(instanceId, out var existing))
                {
                    return existing.Url;
                }

                if (_disposed || _open.Count >= Capacity)
                {
                    return null;
                }
            }

            var app = Build(instanceId);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var url = new UriBuilder(bound.Scheme, "127.0.0.1", bound.Port).Uri;
            lock (_open)
            {
                _open[instanceId] = (app, url);
            }

            Opened?.Invoke(instanceId, url);
            return url;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes every listener; later <see cref="OpenAsync"/> calls open nothing.</summary>
    /// <returns>A task that completes when all are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            List<WebApplication> apps;
            lock (_open)
            {
                _disposed = true;
                apps = _open.Values.Select(v => v.App).ToList();
                _open.Clear();
            }

            foreach (var app in apps)
            {
                await app.StopAsync().ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private WebApplication Build(string instanceId)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A metadata client makes a few small requests; a handful of connections and tiny bodies are plenty.
            kestrel.Limits.MaxConcurrentConnections = 16;
            kestrel.Limits.MaxRequestBodySize = 4096;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var state = _state;
        var switches = _switches;
        app.Use(StoreFailures.Answer);
        app.Run(async context =>
        {
            // The same guard as the endpoint's: a page in the browser must not read an instance's credentials.
            if (BrowserGuard.Check(context.Request, switches) is { } refusal)
            {
                context.Response.StatusCode = refusal.Status;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(refusal.Message + "\n", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            var path = context.Request.Path.Value ?? string.Empty;
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            await ImdsServer.ServeAsync(context, state, state.ImdsTokens, instanceId, segments, path.EndsWith('/')).ConfigureAwait(false);
        });
        return app;
    }
}
