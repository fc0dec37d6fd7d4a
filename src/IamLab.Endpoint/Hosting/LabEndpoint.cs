using System.Net;
using IamLab.World;
using IamLab.World.Errors;
using IamLab.World.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// The lab's AWS-compatible HTTP endpoint on Kestrel: STS, IAM and the other registered services over one
/// <see cref="LabWorld"/>, every request SigV4-verified and authorized by the engine.
/// </summary>
public sealed class LabEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LabEndpoint(WebApplication app, EndpointState state, Uri url, Uri boundUrl, EndpointSwitches switches)
    {
        _app = app;
        State = state;
        Url = url;
        BoundUrl = boundUrl;
        Switches = switches;
    }

    /// <summary>The base URL to reach the endpoint from this machine, e.g. <c>http://127.0.0.1:4566</c> (the real port when 0 was asked).</summary>
    public Uri Url { get; }

    /// <summary>The address really bound, e.g. <c>http://0.0.0.0:4566</c> for every interface.</summary>
    public Uri BoundUrl { get; }

    /// <summary>The lab's open doors as decided at start (root convention, token minting, anonymous IMDS).</summary>
    public EndpointSwitches Switches { get; }

    /// <summary>
    /// The per-instance metadata listeners (each instance's IMDS on its own port of 127.0.0.1), or null when instance
    /// metadata is off (<c>--allow-remote</c> without <c>--anonymous-imds</c>).
    /// </summary>
    public Imds.InstanceMetadataListeners? MetadataListeners => State.MetadataListeners;

    /// <summary>Each instance's own metadata service URL (<c>http://127.0.0.1:PORT/</c>) by instance id; empty when none is open.</summary>
    public IReadOnlyDictionary<string, Uri> InstanceMetadataUrls => State.MetadataListeners?.Urls ?? new Dictionary<string, Uri>();

    /// <summary>The world, its lock and the state file.</summary>
    public EndpointState State { get; }

    /// <summary>
    /// The world to serve for <paramref name="options"/>: <see cref="LabEndpointOptions.World"/> when set, else the
    /// state file's world when the file exists, else a new world seeded by <see cref="LabEndpointOptions.Seed"/>.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The world, or the state file's error (<c>StateCorrupt</c>, <c>StateTooNew</c>, <c>StateInUse</c>).</returns>
    public static IamResult<LabWorld> OpenWorld(LabEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.World is not null)
        {
            return options.World;
        }

        if (options.StateFile is not null && File.Exists(options.StateFile))
        {
            if (options.OpenedStore is { } already && already.Path == options.StateFile)
            {
                return already.World;
            }

            var store = WorldStore.Open(options.StateFile, new WorldStoreOptions { Time = options.Time ?? TimeProvider.System, Disk = options.StateDisk });

            if (!store.IsSuccess)
            {
                return store.Error!;
            }

            options.OpenedStore = store.Value;
            return store.Value.World;
        }

        var world = new LabWorld(options.Time);
        options.Seed?.Invoke(world);
        return world;
    }

    /// <summary>Opens the world (see <see cref="OpenWorld"/>), binds and starts accepting requests.</summary>
    /// <param name="options">Where to listen and what to serve.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running endpoint.</returns>
    /// <exception cref="InvalidOperationException">The state file cannot be read; call <see cref="OpenWorld"/> first to report it.</exception>
    /// <exception cref="ArgumentException">
    /// The host is not an IP address or <c>localhost</c>, or it is not loopback and <see cref="LabEndpointOptions.AllowRemote"/> is off.
    /// </exception>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<LabEndpoint> StartAsync(LabEndpointOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var opened = OpenWorld(options);
        if (!opened.IsSuccess)
        {
            throw new InvalidOperationException(opened.Error!.Message);
        }

        var address = ParseHost(options.Host);
        var remote = !IPAddress.IsLoopback(address);
        if (remote && !options.AllowRemote)
        {
            throw new ArgumentException(
                $"Binding {options.Host} would let anyone who reaches this machine act as the root of every account (the lab's root convention "
                + "has a public secret), mint federation tokens and read instance credentials. Bind 127.0.0.1, or pass --allow-remote "
                + "to bind it anyway (those doors are then closed unless switched back on); see docs/security.md.", nameof(options));
        }

        var switches = EndpointSwitches.For(options, remote);
        var state = new EndpointState(opened.Value, await OpenStoreAsync(options, opened.Value).ConfigureAwait(false));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = options.MaxConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = 0;
            kestrel.Limits.MaxRequestBodySize = (long)Math.Max(options.MaxS3BodyBytes, options.MaxQueryBodyBytes) * 2 + (1024 * 1024);
            kestrel.Listen(address, options.Port);
        });

        var app = builder.Build();
        var pipeline = new RequestPipeline(state, ServiceRegistry.Handlers(state), options, switches);
        // First, before any route: web pages and misdirected hosts never reach a handler.
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (BrowserGuard.Check(context.Request, switches) is { } refusal)
            {
                context.Response.StatusCode = refusal.Status;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(refusal.Message + "\n", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.Use(StoreFailures.Answer);
        app.UseRouting();
        ServiceRegistry.MapUnsignedRoutes(app, state, switches);
        app.Use((HttpContext context, RequestDelegate next) => context.GetEndpoint() is not null ? next(context) : pipeline.InvokeAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        if (switches.AnonymousImds && options.MaxMetadataListeners > 0)
        {
            state.MetadataListeners = new Imds.InstanceMetadataListeners(state, switches, options.MaxMetadataListeners);
            List<string> instances;
            lock (state.WorldGate)
            {
                instances = [.. state.World.Compute.Instances.Keys.Take(options.MaxMetadataListeners)];
            }

            foreach (var instance in instances)
            {
                await state.MetadataListeners.OpenAsync(instance, cancellationToken).ConfigureAwait(false);
            }
        }

        // Bound to every address (0.0.0.0 or ::), the endpoint is still reached from this machine through loopback:
        // that is the URL to print and to give clients.
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : bound.Host;
        return new LabEndpoint(app, state, new UriBuilder(bound.Scheme, host, bound.Port).Uri, bound, switches);
    }

    // The store for the served world: the one OpenWorld opened, or a new one written from the world (so the file exists
    // from the first moment and a restart finds the same seeded world). The lab's identity providers' keys are made
    // first: the routes that only read them then write nothing.
    private static async Task<WorldStore?> OpenStoreAsync(LabEndpointOptions options, LabWorld world)
    {
        if (options.StateFile is null)
        {
            return null;
        }

        _ = world.Federation.SamlIdentityProvider;
        _ = world.Federation.GitHubIssuer;
        if (options.OpenedStore is { } opened && ReferenceEquals(opened.World, world))
        {
            await opened.CommitAsync().ConfigureAwait(false);
            return opened;
        }

        options.OpenedStore?.Dispose();
        var created = WorldStore.Create(options.StateFile, world, new WorldStoreOptions { Time = world.Time, Disk = options.StateDisk });
        if (!created.IsSuccess)
        {
            throw new IOException(created.Error!.Message);
        }

        options.OpenedStore = created.Value;
        return created.Value;
    }

    /// <summary>Stops accepting requests and lets requests in flight finish (up to the host's shutdown timeout).</summary>
    /// <param name="cancellationToken">Makes the stop less graceful.</param>
    /// <returns>A task that completes when the endpoint has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (State.MetadataListeners is { } listeners)
        {
            await listeners.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (State.MetadataListeners is { } listeners)
        {
            await listeners.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        // Every acknowledged change is already on disk; closing releases the store's lock for the next process.
        State.Store?.Dispose();
    }

    private static IPAddress ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(host, out var address)
            ? address
            : throw new ArgumentException($"The host must be an IP address (e.g. 127.0.0.1 or 0.0.0.0) or localhost; got '{host}'.", nameof(host));
    }
}
