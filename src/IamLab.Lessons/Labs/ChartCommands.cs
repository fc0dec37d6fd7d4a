using System.Globalization;
using System.Text;
using IamLab.Lessons.Chains;
using IamLab.Lessons.Charts;
using IamLab.Lessons.Commands;
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
                var name = CommandArguments.Required(line.Get("--session", isImplicit: true), "SESSION (--session)", line.Name);
                var picture = ChainPicture.Of(world, app.Chains, name) ?? throw CommandArguments.UnknownSession(world, name);
                text = picture.ToText();
                chart = ChainChart.Build(picture);
                break;
            case "#!lab-timeline":
                var sessions = world.Sts.Sessions.Values;
                if (line.Get("--session", isImplicit: true) is { Length: > 0 } only)
                {
                    var chain = new List<Session>();
                    for (var s = CommandArguments.Session(world, only.Trim()); s is not null; s = s.ParentAccessKeyId is { } parent ? world.Sts.Sessions.GetValueOrDefault(parent) : null)
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
                var actions = CommandArguments.List(CommandArguments.Required(line.Get("--actions", isImplicit: true), "--actions", line.Name));
                var resource = CommandArguments.Required(line.Get("--resource"), "--resource", line.Name);
                var context = CommandArguments.Context(line.Get("--context"));
                var principals = CommandArguments.MatrixPrincipals(world, line.Get("--principals"));
                var matrix = DecisionMatrix.Build(world, principals, actions, resource, context);
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
}
