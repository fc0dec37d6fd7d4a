using System.CommandLine;
using IamLab.Client;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab endpoint check [--endpoint URL]</c>: asks the selected endpoint (the lab's, LocalStack, moto; chosen by
/// <c>--endpoint</c>, <c>IAMLAB_ENDPOINT</c>, <c>AWS_ENDPOINT_URL</c>, else <c>http://127.0.0.1:4566</c>) the article's
/// cross-account checks and prints, for each, AWS's answer beside the endpoint's.
/// </summary>
internal static class EndpointCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var endpoint = new Option<string?>("--endpoint") { Description = "The endpoint URL; else IAMLAB_ENDPOINT, else AWS_ENDPOINT_URL, else http://127.0.0.1:4566." };
        var check = new Command("check", "Ask the endpoint the article's cross-account checks and compare each answer with AWS's.") { endpoint };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var (factory, problem) = LabClientFactory.FromSettings(parse.GetValue(endpoint));
            if (factory is null)
            {
                await error.WriteLineAsync($"iamlab endpoint check: {problem!.Code}: {problem.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            await output.WriteLineAsync($"Endpoint: {factory.Endpoint.ServiceUrl} (from {Source(factory.Endpoint.Source)})").ConfigureAwait(false);
            IReadOnlyList<ProbeCheck> checks;
            try
            {
                checks = await new EndpointProbe(factory).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                await error.WriteLineAsync($"iamlab endpoint check: cannot reach {factory.Endpoint.ServiceUrl}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            catch (IamQueryClientException e)
            {
                await error.WriteLineAsync($"iamlab endpoint check: the endpoint refused to set up the checks: {e.ErrorCode}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var width = Math.Max(checks.Max(c => c.Expected.Length), checks.Max(c => c.Actual.Length));
            await output.WriteLineAsync($"      {"AWS".PadRight(width)}  {"endpoint".PadRight(width)}  check (rule)").ConfigureAwait(false);
            foreach (var c in checks)
            {
                await output.WriteLineAsync($"{(c.AsAws ? "ok   " : "WRONG")} {c.Expected.PadRight(width)}  {c.Actual.PadRight(width)}  {c.Name} ({c.Rule})").ConfigureAwait(false);
            }

            var right = checks.Count(c => c.AsAws);
            await output.WriteLineAsync($"{right} of {checks.Count} checks answered as AWS answers them.").ConfigureAwait(false);
            return right == checks.Count ? ExitCodes.Success : ExitCodes.Failed;
        });
        return new Command("endpoint", "Work with an AWS-compatible endpoint (the lab's, LocalStack, moto).") { check };
    }

    private static string Source(EndpointSource source) => source switch
    {
        EndpointSource.Explicit => "--endpoint",
        EndpointSource.IamLabEndpoint => EndpointSelection.EnvironmentVariable,
        EndpointSource.AwsEndpointUrl => EndpointSelection.AwsEndpointUrlVariable,
        _ => "the default",
    };
}
