using System.CommandLine;
using IamLab.Endpoint.Hosting;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab serve</c>: the lab's AWS-compatible endpoint (STS, IAM and the other registered services) on Kestrel,
/// until Ctrl+C or SIGTERM. Prints the URL, the credentials and the environment lines for the AWS CLI and SDKs.
/// </summary>
internal static class ServeCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on; 0 picks a free one.", DefaultValueFactory = _ => 4566 };
        var host = new Option<string>("--host") { Description = "The address to bind (loopback unless told otherwise).", DefaultValueFactory = _ => "127.0.0.1" };
        var state = new Option<string?>("--state") { Description = "The world store (docs/state.md): loaded at start, and every acknowledged change is on disk in it before the answer. An earlier lab's JSON state file is converted." };
        var scenario = new Option<string?>("--scenario") { Description = "Start with a scenario's world (by scenario id); an existing --state file wins over it." };
        var submission = new Option<string?>("--submission") { Description = "With --scenario: the learner's files to put in the world (the scenario's starter/ files by default)." };
        var scenarios = new Option<string?>("--scenarios") { Description = "With --scenario: the scenarios folder (default: the scenarios shipped with the tool, never ones found from the current folder)." };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow --host to be a non-loopback address; the root convention, token minting and anonymous instance metadata are then off unless switched on below." };
        var allowedHost = new Option<string[]>("--allowed-host") { Description = "A host name (besides 127.0.0.1 and localhost) that requests may name in their Host header; repeatable.", AllowMultipleArgumentsPerToken = false };
        var rootConvention = new Option<bool>("--root-convention") { Description = "With --allow-remote: keep the root convention (account id + secret 'test') on." };
        var labTokens = new Option<bool>("--lab-tokens") { Description = "With --allow-remote: keep minting SAML responses and OIDC tokens under /_lab/." };
        var anonymousImds = new Option<bool>("--anonymous-imds") { Description = "With --allow-remote: keep serving instance metadata (role credentials) to anyone who asks." };
        var command = new Command("serve", "Run the lab's AWS-compatible endpoint (STS, IAM, ...) for the AWS CLI and SDKs.")
        {
            port, host, state, scenario, submission, scenarios, allowRemote, allowedHost, rootConvention, labTokens, anonymousImds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                await error.WriteLineAsync($"iamlab serve: --port must be between 0 and 65535; got {portValue}.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var options = new LabEndpointOptions
            {
                Host = parse.GetValue(host)!,
                Port = portValue,
                StateFile = parse.GetValue(state),
                AllowRemote = parse.GetValue(allowRemote),
                // Null keeps the default (on for loopback, off for a remote bind); a flag switches the door back on.
                RootConvention = parse.GetValue(rootConvention) ? true : null,
                LabTokens = parse.GetValue(labTokens) ? true : null,
                AnonymousImds = parse.GetValue(anonymousImds) ? true : null,
            };
            foreach (var name in parse.GetValue(allowedHost) ?? [])
            {
                options.AllowedHosts.Add(name);
            }

            Func<IamLab.World.LabWorld, IReadOnlyList<string>>? describe = null;
            if (parse.GetValue(scenario) is { } scenarioId)
            {
                describe = ServeScenario.Prepare(options, scenarioId, parse.GetValue(submission), parse.GetValue(scenarios), error);
                if (describe is null)
                {
                    return ExitCodes.UsageError;
                }
            }
            else if (parse.GetValue(submission) is not null)
            {
                await error.WriteLineAsync("iamlab serve: --submission needs --scenario ID (the scenario whose files it holds).").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            return await ServeRun.RunAsync(options, output, error, cancellationToken, describe).ConfigureAwait(false);
        });
        return command;
    }
}
