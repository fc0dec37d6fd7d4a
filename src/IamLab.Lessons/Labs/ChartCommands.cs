using System.Globalization;
using System.Text;
using IamLab.Lessons.Chains;
using IamLab.Lessons.Charts;
using IamLab.Lessons.Text;
using IamLab.World.Analysis;
using IamLab.World.Sts;

namespace IamLab.Lessons.Labs;

/// <summary>The pictures of a lesson (<c>#!lab-chain</c>, <c>#!lab-timeline</c>, <c>#!lab-access-graph</c>, <c>#!lab-matrix</c>): text in the terminal, the notebook's chart on the page.</summary>
internal static class ChartCommands
{
    public static void Draw(LabApp app, CommandLine line, TextWriter output)
    {
        var world = LabCommands.RequireWorld(app);
        var command = string.Join(' ', new[] { line.Name, line.Implicit }.Concat(line.Options.Select(o => $"{o.Key} {o.Value}")).Where(w => !string.IsNullOrEmpty(w)));
        string text;
        Plotly.NET.GenericChart chart;
        switch (line.Name)
        {
            case "#!lab-chain":
                var name = line.Get("--session", isImplicit: true) ?? throw new LabStepException("#!lab-chain needs a session.");
                var picture = ChainPicture.Of(world, app.Chains, name) ?? throw new LabStepException($"no session or refused call named \"{name}\".");
                text = picture.ToText();
                chart = ChainChart.Build(picture);
                break;
            case "#!lab-timeline":
                var sessions = world.Sts.Sessions.Values;
                if (line.Get("--session", isImplicit: true) is { Length: > 0 } only)
                {
                    var chain = new List<Session>();
                    for (var s = StsCommands.Session(world, only); s is not null; s = s.ParentAccessKeyId is { } parent ? world.Sts.Sessions.GetValueOrDefault(parent) : null)
                    {
                        chain.Add(s);
                    }

                    sessions = chain;
                }

                var timeline = SessionTimeline.Of(sessions, world.Time.GetUtcNow());
                if (timeline.Bars.Count == 0)
                {
                    throw new LabStepException("there is no session to draw yet.");
                }

                text = string.Join('\n', timeline.Bars.Select(b =>
                    $"{b.Label}: {Times.Iso(b.Start)} → {Times.Iso(b.Expiration)} ({Times.Duration(b.Expiration - b.Start)}{(b.IsChained ? ", chained: 1 h cap" : string.Empty)}{(b.Expiration <= timeline.Now ? ", expired" : string.Empty)})"));
                chart = SessionTimelineChart.Build(timeline);
                break;
            case "#!lab-access-graph":
                var graph = AccessGraphBuilder.Build(world, line.Get("--account", isImplicit: true));
                text = string.Join('\n', graph.Edges.Select(e =>
                    $"{e.From} → {e.To} ({e.Action}{(e.Conditional ? $", only if {e.Conditions}" : string.Empty)}{(e.GrantedBy.Length > 0 ? $"; {e.GrantedBy}" : string.Empty)})"));
                chart = AccessGraphChart.Build(graph);
                break;
            default:
                var actions = List(line.Get("--actions", isImplicit: true));
                var resource = line.Get("--resource") ?? throw new LabStepException("#!lab-matrix needs --resource.");
                var principals = List(line.Get("--principals")).Select(p => world.Sts.Sessions.Values.Any(s => s.SessionName == p) ? StsCommands.Session(world, p).Arn : p).ToList();
                if (principals.Count == 0)
                {
                    principals = [.. world.Accounts.Values.SelectMany(a => a.Users.Values.Select(u => u.Arn).Concat(a.Roles.Values.Select(r => r.Arn)))];
                }

                var matrix = DecisionMatrix.Build(world, principals, actions, resource, StsCommands.Context(line.Get("--context")));
                var rows = new StringBuilder();
                for (var i = 0; i < matrix.Principals.Count; i++)
                {
                    rows.Append(CultureInfo.InvariantCulture, $"{matrix.Principals[i]}: ")
                        .AppendJoin(", ", matrix.Actions.Select((a, j) => $"{a} {matrix.Decisions[i][j]}")).Append('\n');
                }

                text = $"on {resource}\n{rows}".TrimEnd();
                chart = DecisionMatrixChart.Build(matrix);
                break;
        }

        output.WriteLine(LabApp.Indent(string.Join('\n', text.Split('\n').Select(Scenarios.Reports.SafeText.Terminal))));
        app.Page.Chart(command, chart, text);
        output.WriteLine("  (drawn on the lesson's page)");
    }

    private static List<string> List(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
