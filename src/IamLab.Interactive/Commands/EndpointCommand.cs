using IamLab.Interactive.Views;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-endpoint</c>: start the lab's AWS-compatible endpoint on loopback and point the AWS SDK at it.</summary>
public sealed class EndpointCommand : LabCommand
{
    /// <summary>The region the SDK is set to.</summary>
    public const string Region = "us-east-1";

    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-endpoint", "Start the lab endpoint on 127.0.0.1 and point the AWS SDK at it.",
        "Starts the AWS-compatible lab endpoint (the server of iamlab serve) in the notebook's process, serving the notebook's world, and sets "
        + "AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION for the process so SDK clients made afterwards talk to it. "
        + "Lab.EndpointUrl holds the URL (for a client's ServiceURL). S3 clients need ForcePathStyle = true.",
        [
            new("--port", "The port; default a free one.", Value: "N"),
            new("--as", "Sign as this IAM user (an access key of it; one is made if it has none); default the world's first user.", Value: "USER_ARN"),
            new("--account", "Sign as this account's root (access key = the account id, secret test).", Value: "ID"),
            new("--stop", "Stop the running endpoint.", Flag: true),
        ]);

    /// <summary><c>--port</c>.</summary>
    public string? Port { get; set; }

    /// <summary><c>--as</c>.</summary>
    public string? As { get; set; }

    /// <summary><c>--account</c>.</summary>
    public string? Account { get; set; }

    /// <summary><c>--stop</c>.</summary>
    public bool Stop { get; set; }

    internal static async Task Run(EndpointCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        if (command.Stop)
        {
            var stopped = notebook.Endpoint?.Url;
            await StopAsync(notebook).ConfigureAwait(false);
            context.DisplayAs(stopped is null ? "No endpoint was running." : $"Stopped the lab endpoint at {stopped}.", "text/plain");
            return;
        }

        var port = CommandArguments.WholeNumber(command.Port, "--port", "a port number from 1 to 65535", min: 1, max: 65535) ?? 0;

        if (!string.IsNullOrWhiteSpace(command.As) && !string.IsNullOrWhiteSpace(command.Account))
        {
            throw new LabCommandException(ErrorCodes.Usage, "--as and --account exclude each other; give one of them.");
        }

        var world = notebook.RequireWorld();
        var caller = !string.IsNullOrWhiteSpace(command.Account) ? command.Account.Trim()
            : !string.IsNullOrWhiteSpace(command.As) ? command.As.Trim()
            : world.Accounts.Values.SelectMany(a => a.Users.Values).Select(u => u.Arn).FirstOrDefault() ?? world.Accounts.Keys.Order(StringComparer.Ordinal).First();
        context.Display(await StartAsync(notebook, port, caller, context.CancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// After a policy cell rebuilt the world: restarts a running endpoint on the same port over the new world and renews
    /// the SDK settings (the new world has new access keys). Null when no endpoint was running.
    /// </summary>
    internal static async Task<EndpointView?> RestartIfRunningAsync(LabNotebook notebook, CancellationToken cancellationToken)
    {
        if (notebook.Endpoint is not { } running)
        {
            return null;
        }

        return await StartAsync(notebook, running.Url.Port, running.Caller, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<EndpointView> StartAsync(LabNotebook notebook, int port, string caller, CancellationToken cancellationToken)
    {
        var world = notebook.RequireWorld();
        var credentials = CommandArguments.CallerCredentials(world, caller);
        await StopAsync(notebook).ConfigureAwait(false);
        try
        {
            notebook.Endpoint = await EndpointHandle.StartAsync(world, port, caller, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new LabCommandException(ErrorCodes.NotAvailable, $"The lab endpoint needs the ASP.NET Core shared framework, which this notebook host does not load ({e.Message}). Run `iamlab serve` in a terminal instead.");
        }
        catch (IOException e)
        {
            throw new LabCommandException(ErrorCodes.Usage, $"The endpoint could not listen on 127.0.0.1:{port}: {e.Message}");
        }

        var url = notebook.Endpoint.Url.ToString().TrimEnd('/');
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", url);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", credentials.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", credentials.SecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_REGION", Region);
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", Region);
        return new EndpointView(notebook.Endpoint.Url, credentials.AccessKeyId, credentials.SecretAccessKey, Region, caller)
        {
            InstanceMetadata = notebook.Endpoint.InstanceMetadataUrls,
        };
    }

    internal static async Task StopAsync(LabNotebook notebook)
    {
        if (notebook.Endpoint is { } running)
        {
            notebook.Endpoint = null;
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }
}
