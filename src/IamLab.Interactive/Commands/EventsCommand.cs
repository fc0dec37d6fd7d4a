using IamLab.Interactive.Views;
using IamLab.World.Events;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-events</c>: the world's event log (each STS call, and each request the grader or the endpoint made), filtered.</summary>
public sealed class EventsCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-events", "Show the world's event log: each call with time, caller, source identity, address and outcome.",
        "The world records each STS call it answers (AssumeRole, the federated ones, GetCallerIdentity), each request a grading step makes, and, "
        + "while #!lab-endpoint runs, each request the endpoint answers, in CloudTrail's record shape. Filters combine; --json shows the CloudTrail "
        + "records. --clear forgets the events shown so far (to start an exercise afresh).",
        [
            new("--name", "Only this operation (AssumeRole, GetObject, ...).", Value: "EVENT"),
            new("--caller", "Only callers whose ARN contains this (a role, user or session name).", Value: "TEXT"),
            new("--session", "Only calls by this session name, or AssumeRole calls asking for it.", Value: "NAME"),
            new("--source-identity", "Only calls whose session (or requested session) carries this source identity.", Value: "ID"),
            new("--key", "Only calls signed with this access key id, and the STS call that issued it.", Value: "AKID"),
            new("--errors", "Only failed calls.", Flag: true),
            new("--last", "Only the last N events that pass.", Value: "N"),
            new("--json", "Show the CloudTrail JSON records.", Flag: true),
            new("--clear", "Forget the events kept so far, then show nothing.", Flag: true),
        ]);

    /// <summary><c>--name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>--caller</c>.</summary>
    public string? Caller { get; set; }

    /// <summary><c>--session</c>.</summary>
    public string? Session { get; set; }

    /// <summary><c>--source-identity</c>.</summary>
    public string? SourceIdentity { get; set; }

    /// <summary><c>--key</c>.</summary>
    public string? Key { get; set; }

    /// <summary><c>--errors</c>.</summary>
    public bool Errors { get; set; }

    /// <summary><c>--last</c>.</summary>
    public string? Last { get; set; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; set; }

    /// <summary><c>--clear</c>.</summary>
    public bool Clear { get; set; }

    internal static Task Run(EventsCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var log = notebook.RequireWorld().Events;
        if (command.Clear)
        {
            log.Clear();
        }

        var last = CommandArguments.LastEvents(command.Last);

        var filter = new EventFilter
        {
            EventName = CommandArguments.Optional(command.Name),
            Caller = CommandArguments.Optional(command.Caller),
            SessionName = CommandArguments.Optional(command.Session),
            SourceIdentity = CommandArguments.Optional(command.SourceIdentity),
            AccessKeyId = CommandArguments.Optional(command.Key),
            ErrorsOnly = command.Errors,
        };
        var found = log.Find(filter);
        var shown = found.Count > last ? found.Skip(found.Count - last).ToList() : found;
        context.Display(new EventsView(shown, log.Events().Count, log.Dropped, command.Json));
        return Task.CompletedTask;
    }
}
