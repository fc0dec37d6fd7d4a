using System.Net.Sockets;
using System.Runtime.InteropServices;
using IamLab.Endpoint.Hosting;

namespace IamLab.Cli.Commands;

/// <summary>Starts the endpoint, prints how to use it, and stops it when the command is cancelled (Ctrl+C, SIGTERM).</summary>
internal static class ServeRun
{
    // describe: lines about the served world (e.g. its scenario and users' keys), printed before "Press Ctrl+C".
    public static async Task<int> RunAsync(LabEndpointOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        Func<IamLab.World.LabWorld, IReadOnlyList<string>>? describe = null)
    {
        var world = LabEndpoint.OpenWorld(options);
        if (!world.IsSuccess)
        {
            await error.WriteLineAsync($"iamlab serve: {options.StateFile}: {world.Error!.Code}: {world.Error.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        options.World = world.Value;
        // Described before start: the keys it may make for a reloaded world are then in the first save.
        var described = describe?.Invoke(world.Value) ?? [];
        LabEndpoint endpoint;
        try
        {
            endpoint = await LabEndpoint.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"iamlab serve: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"iamlab serve: cannot listen on {options.Host}:{options.Port}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (IOException e)
        {
            // The state file's folder is missing or not writable (the first save happens at start).
            await error.WriteLineAsync($"iamlab serve: cannot write the state file {options.StateFile}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (UnauthorizedAccessException e)
        {
            await error.WriteLineAsync($"iamlab serve: cannot write the state file: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        await using (endpoint.ConfigureAwait(false))
        {
            var url = endpoint.Url.ToString().TrimEnd('/');
            // The root of the world's first account (a scenario's or a saved world's), else the default account.
            var account = endpoint.State.World.Accounts.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? RootCredentials.DefaultAccountId;
            await output.WriteLineAsync($"IAM Roles Lab endpoint listening on {url}").ConfigureAwait(false);
            await output.WriteLineAsync($"Credentials: access key id {account}, secret access key {RootCredentials.Secret} (the root user of account {account}; any 12-digit account id works the same way).").ConfigureAwait(false);
            await output.WriteLineAsync(options.StateFile is null ? "State: in memory only (use --state FILE to keep it)." : $"State: {Path.GetFullPath(options.StateFile)} (every acknowledged change is on disk before the answer; the file holds secret keys).").ConfigureAwait(false);
            foreach (var notice in endpoint.State.Store?.Notices ?? [])
            {
                await error.WriteLineAsync($"iamlab serve: {notice}").ConfigureAwait(false);
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"  export AWS_ENDPOINT_URL={url}").ConfigureAwait(false);
            await output.WriteLineAsync($"  export AWS_ACCESS_KEY_ID={account}").ConfigureAwait(false);
            await output.WriteLineAsync($"  export AWS_SECRET_ACCESS_KEY={RootCredentials.Secret}").ConfigureAwait(false);
            await output.WriteLineAsync($"  export AWS_REGION={endpoint.State.World.Region}").ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            foreach (var line in described)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (described.Count > 0)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
            }

            await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            // Ctrl+C arrives through the command's token; SIGTERM (service managers, docker stop, kill) is handled
            // here, so both end in the same clean stop instead of the runtime's default exit.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop below.
            }

            await endpoint.StopAsync(CancellationToken.None).ConfigureAwait(false);

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }

        await output.WriteLineAsync("Stopped.").ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
