using System.CommandLine;
using System.Globalization;
using IamLab.Client;
using IamLab.World.Events;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab events</c>: the event log of a running lab endpoint (<c>iamlab serve</c>), read with CloudTrail's
/// LookupEvents as the caller's account sees it, filtered, as a table or as CloudTrail's JSON records one per line.
/// </summary>
internal static class EventsCommand
{
    private const int Limit = 10_000;

    public static Command Build(TextWriter output, TextWriter error)
    {
        var endpoint = new Option<string?>("--endpoint") { Description = "The endpoint URL; else IAMLAB_ENDPOINT, else AWS_ENDPOINT_URL, else http://127.0.0.1:4566." };
        var account = new Option<string?>("--account") { Description = "Read the log as this account's root (the lab's convention: access key = account id, secret test). Else AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN." };
        var name = new Option<string?>("--name") { Description = "Only this operation (AssumeRole, CreateRole, GetObject, ...)." };
        var caller = new Option<string?>("--caller") { Description = "Only callers whose ARN contains this (a role, user or session name)." };
        var session = new Option<string?>("--session") { Description = "Only calls by this role session name, or AssumeRole calls asking for it." };
        var sourceIdentity = new Option<string?>("--source-identity") { Description = "Only calls whose session (or requested session) carries this source identity." };
        var key = new Option<string?>("--key") { Description = "Only calls signed with this access key id, and the STS call that issued it." };
        var errors = new Option<bool>("--errors") { Description = "Only failed calls." };
        var since = new Option<string?>("--since") { Description = "Only events at or after this instant (2026-01-15T12:00:00Z)." };
        var last = new Option<int?>("--last") { Description = "Only the last N events that pass." };
        var json = new Option<bool>("--json") { Description = "Print CloudTrail's JSON records, one per line." };
        var command = new Command("events", "Show the event log of a running lab endpoint: each call with time, caller, source identity, address and outcome.")
        {
            endpoint, account, name, caller, session, sourceIdentity, key, errors, since, last, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    await error.WriteLineAsync($"iamlab events: --since takes an instant such as 2026-01-15T12:00:00Z; got '{text}'.").ConfigureAwait(false);
                    return ExitCodes.UsageError;
                }

                from = instant;
            }

            if (parse.GetValue(last) is < 1)
            {
                await error.WriteLineAsync("iamlab events: --last takes a whole number of events, 1 or more.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var (factory, problem) = LabClientFactory.FromSettings(parse.GetValue(endpoint));
            if (factory is null)
            {
                await error.WriteLineAsync($"iamlab events: {problem!.Code}: {problem.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var signer = Signer(parse.GetValue(account));
            if (signer is null)
            {
                await error.WriteLineAsync("iamlab events: give --account ACCOUNT_ID (its root reads the log), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
                    .ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            IReadOnlyList<string> records;
            try
            {
                var client = new EventHistoryClient(factory.Endpoint.Url, signer.Value.Key, signer.Value.Secret, signer.Value.Token, factory.Region);
                records = await client.LookupAsync(parse.GetValue(name), from, Limit, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                await error.WriteLineAsync($"iamlab events: cannot reach {factory.Endpoint.ServiceUrl}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            catch (IamQueryClientException e)
            {
                await error.WriteLineAsync($"iamlab events: the endpoint refused: {e.ErrorCode}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var filter = new EventFilter
            {
                Caller = parse.GetValue(caller),
                SessionName = parse.GetValue(session),
                SourceIdentity = parse.GetValue(sourceIdentity),
                AccessKeyId = parse.GetValue(key),
                ErrorsOnly = parse.GetValue(errors),
            };
            // LookupEvents answers newest first; a log reads oldest first.
            var events = records.Select(TrailJson.Read).OfType<TrailEvent>().Where(filter.Matches).Reverse().ToList();
            if (parse.GetValue(last) is { } n && events.Count > n)
            {
                events = events.Skip(events.Count - n).ToList();
            }

            if (parse.GetValue(json))
            {
                foreach (var e in events)
                {
                    await output.WriteLineAsync(TrailJson.ToLine(e)).ConfigureAwait(false);
                }
            }
            else
            {
                await output.WriteAsync(TrailTable.Format(events)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (string Key, string Secret, string? Token)? Signer(string? account)
    {
        if (account is not null)
        {
            return (account, LabClientFactory.RootSecret, null);
        }

        var key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        return string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret) ? null : (key, secret, Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null);
    }
}
