using IamLab.Lessons.Charts;
using IamLab.World.Sts;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-timeline</c>: the sessions as a timeline chart with the one-hour cap on chained sessions.</summary>
public sealed class TimelineCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-timeline", "Chart the sessions from start to expiry, with the 1-hour cap on chained sessions.",
        "A Plotly chart: one bar per session from its start to its expiry; a marker at each session's cap (the role's MaxSessionDuration, or 1 h when "
        + "chained); for chained sessions a dashed red line at start + 1 h. With --session, only that session's chain.",
        [new("--session", "Only the chain of this session (session name or access key id).", Implicit: true, Value: "SESSION")]);

    /// <summary><c>--session</c>.</summary>
    public string? Session { get; set; }

    internal static Task Run(TimelineCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var world = notebook.RequireWorld();
        var sessions = world.Sts.Sessions.Values;
        if (command.Session is { Length: > 0 } name)
        {
            var chain = new List<Session>();
            for (var s = CommandArguments.Session(notebook.World, name.Trim()); s is not null; s = s.ParentAccessKeyId is { } parent ? world.Sts.Sessions.GetValueOrDefault(parent) : null)
            {
                chain.Add(s);
            }

            sessions = chain;
        }

        var timeline = SessionTimeline.Of(sessions, world.Time.GetUtcNow());
        if (timeline.Bars.Count == 0)
        {
            throw new LabCommandException(ErrorCodes.Usage, "There is no session to draw yet: run #!lab-assume-role, #!lab-saml or #!lab-github-oidc first.");
        }

        context.Display(SessionTimelineChart.Build(timeline));
        return Task.CompletedTask;
    }
}
