using Microsoft.Extensions.Hosting;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// A host lifetime that does not listen for Ctrl+C or SIGTERM: several endpoints may run in one test process,
/// and the <c>iamlab serve</c> command handles the signals itself and stops the endpoint.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
