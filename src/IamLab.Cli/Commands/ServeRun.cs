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
            var bound = endpoint.BoundUrl.ToString().TrimEnd('/');
            var switches = endpoint.Switches;
            // The root of the world's first account (a scenario's or a saved world's), else the default account.
            var account = endpoint.State.World.Accounts.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? RootCredentials.DefaultAccountId;
            var region = endpoint.State.World.Region;
            await output.WriteLineAsync(bound == url
                ? $"IAM Roles Lab endpoint listening on {url}"
                : $"IAM Roles Lab endpoint listening on {bound} (every interface; from this machine: {url})").ConfigureAwait(false);
            if (switches.Remote)
            {
                await error.WriteLineAsync(
                    $"iamlab serve: WARNING: listening on {bound}, reachable from the network. Anyone who reaches it can use the keys it hands out. "
                    + $"Root convention {OnOff(switches.RootConvention)}, /_lab token minting {OnOff(switches.LabTokens)}, anonymous instance metadata {OnOff(switches.AnonymousImds)} (see docs/security.md).").ConfigureAwait(false);
            }

            if (switches.RootConvention)
            {
                await output.WriteLineAsync($"Credentials: access key id {account}, secret access key {RootCredentials.Secret} (the root user of account {account}; any 12-digit account id works the same way).").ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync("Credentials: the root convention is off (--allow-remote); sign with an IAM user's access key.").ConfigureAwait(false);
            }

            await output.WriteLineAsync(options.StateFile is null ? "State: in memory only (use --state FILE to keep it)." : $"State: {Path.GetFullPath(options.StateFile)} (every acknowledged change is on disk before the answer; the file holds secret keys).").ConfigureAwait(false);
            foreach (var notice in endpoint.State.Store?.Notices ?? [])
            {
                await error.WriteLineAsync($"iamlab serve: {notice}").ConfigureAwait(false);
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"  export AWS_ENDPOINT_URL={url}").ConfigureAwait(false);
            if (switches.RootConvention)
            {
                await output.WriteLineAsync($"  export AWS_ACCESS_KEY_ID={account}").ConfigureAwait(false);
                await output.WriteLineAsync($"  export AWS_SECRET_ACCESS_KEY={RootCredentials.Secret}").ConfigureAwait(false);
            }

            // AWS_REGION for the SDKs that read it (.NET, JavaScript, Java v2); AWS_DEFAULT_REGION for boto3 and the AWS CLI.
            await output.WriteLineAsync($"  export AWS_REGION={region}").ConfigureAwait(false);
            await output.WriteLineAsync($"  export AWS_DEFAULT_REGION={region}").ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            foreach (var line in described)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (described.Count > 0)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
            }

            var metadata = endpoint.InstanceMetadataUrls;
            foreach (var (instance, imds) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync(MetadataLine(instance, imds)).ConfigureAwait(false);
            }

            if (metadata.Count > 0)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
            }

            if (endpoint.MetadataListeners is { } listeners)
            {
                // Instances launched while serving (RunInstances) get their listener then; say where.
                listeners.Opened += (instance, imds) =>
                {
                    lock (output)
                    {
                        output.WriteLine(MetadataLine(instance, imds));
                        output.Flush();
                    }
                };
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

    private static string MetadataLine(string instance, Uri imds) =>
        $"Instance {instance}: metadata at {imds.ToString().TrimEnd('/')}  (export AWS_EC2_METADATA_SERVICE_ENDPOINT={imds.ToString().TrimEnd('/')})";

    private static string OnOff(bool on) => on ? "on" : "off";
}
