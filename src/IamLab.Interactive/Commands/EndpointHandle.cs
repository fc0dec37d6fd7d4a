using System.Reflection;
using System.Runtime.CompilerServices;
using IamLab.Endpoint.Hosting;
using IamLab.Interactive.Hosting;
using IamLab.World;

namespace IamLab.Interactive.Commands;

/// <summary>
/// The running lab endpoint. Everything that touches ASP.NET Core stays behind this class: in a host that has
/// ASP.NET Core the endpoint is started directly; in one that has not (dotnet-repl) it runs in
/// <see cref="AspNetCoreContext"/>. Either way the extension loads without ASP.NET Core.
/// </summary>
internal sealed class EndpointHandle : IAsyncDisposable
{
    private readonly IAsyncDisposable endpoint;
    private readonly PropertyInfo? instanceMetadata;

    private EndpointHandle(IAsyncDisposable endpoint, Uri url, string caller)
    {
        // LabEndpoint may live in another load context (StartIsolatedAsync): read the property by name, BCL types only.
        instanceMetadata = endpoint.GetType().GetProperty(nameof(LabEndpoint.InstanceMetadataUrls));
        this.endpoint = endpoint;
        Url = url;
        Caller = caller;
    }

    /// <summary>The endpoint's base URL.</summary>
    public Uri Url { get; }

    /// <summary>Each instance's own metadata service URL by instance id, as open now.</summary>
    public IReadOnlyDictionary<string, Uri> InstanceMetadataUrls =>
        instanceMetadata?.GetValue(endpoint) as IReadOnlyDictionary<string, Uri> ?? new Dictionary<string, Uri>();

    /// <summary>Who the SDK settings sign as (a user ARN or an account id).</summary>
    public string Caller { get; }

    /// <summary>Starts the endpoint on 127.0.0.1 serving <paramref name="world"/>.</summary>
    public static async Task<EndpointHandle> StartAsync(LabWorld world, int port, string caller, CancellationToken cancellationToken)
    {
        var (endpoint, url) = AspNetCoreContext.HostHasAspNetCore
            ? await StartDirectAsync(world, port, cancellationToken).ConfigureAwait(false)
            : await StartIsolatedAsync(world, port, cancellationToken).ConfigureAwait(false);
        return new EndpointHandle(endpoint, url, caller);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(IAsyncDisposable, Uri)> StartDirectAsync(LabWorld world, int port, CancellationToken cancellationToken)
    {
        var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions { Host = "127.0.0.1", Port = port, World = world }, cancellationToken).ConfigureAwait(false);
        return (endpoint, endpoint.Url);
    }

    // The same calls as StartDirectAsync, through reflection on the copy of IamLab.Endpoint in the ASP.NET Core context.
    internal static async Task<(IAsyncDisposable Endpoint, Uri Url)> StartIsolatedAsync(LabWorld world, int port, CancellationToken cancellationToken)
    {
        var assembly = AspNetCoreContext.LoadEndpointAssembly()
            ?? throw new FileNotFoundException("The ASP.NET Core shared framework is not installed beside the .NET runtime.");
        var optionsType = assembly.GetType("IamLab.Endpoint.Hosting.LabEndpointOptions", throwOnError: true)!;
        var endpointType = assembly.GetType("IamLab.Endpoint.Hosting.LabEndpoint", throwOnError: true)!;
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty(nameof(LabEndpointOptions.Host))!.SetValue(options, "127.0.0.1");
        optionsType.GetProperty(nameof(LabEndpointOptions.Port))!.SetValue(options, port);
        optionsType.GetProperty(nameof(LabEndpointOptions.World))!.SetValue(options, world);
        var start = endpointType.GetMethod(nameof(LabEndpoint.StartAsync), BindingFlags.Public | BindingFlags.Static)!;
        Task task;
        try
        {
            task = (Task)start.Invoke(null, [options, cancellationToken])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        await task.ConfigureAwait(false);
        var endpoint = task.GetType().GetProperty("Result")!.GetValue(task)!;
        var url = (Uri)endpointType.GetProperty(nameof(LabEndpoint.Url))!.GetValue(endpoint)!;
        return ((IAsyncDisposable)endpoint, url);
    }
}
