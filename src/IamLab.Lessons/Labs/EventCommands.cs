using IamLab.Lessons.Commands;
using IamLab.World.Events;

namespace IamLab.Lessons.Labs;

/// <summary>
/// <c>#!lab-events</c> as a labs app runs it: the world's event log with the notebook command's filters (<c>--name</c>,
/// <c>--caller</c>, <c>--session</c>, <c>--source-identity</c>, <c>--key</c>, <c>--errors</c>, <c>--last</c>), as the
/// table <c>iamlab events</c> prints, or with <c>--json</c> one CloudTrail record per line.
/// </summary>
internal static class EventCommands
{
    public static void Show(LabApp app, CommandLine line, TextWriter output)
    {
        var log = LabCommands.RequireWorld(app).Events;
        var last = CommandArguments.LastEvents(line.Get("--last"));

        var found = log.Find(new EventFilter
        {
            EventName = Value(line, "--name"),
            Caller = Value(line, "--caller"),
            SessionName = Value(line, "--session"),
            SourceIdentity = Value(line, "--source-identity"),
            AccessKeyId = Value(line, "--key"),
            ErrorsOnly = line.Has("--errors"),
        });
        var shown = found.Count > last ? found.Skip(found.Count - last).ToList() : found;
        output.WriteLine($"  {shown.Count} of the {log.Events().Count} events kept");
        var body = line.Has("--json") ? string.Join('\n', shown.Select(TrailJson.ToLine)) : TrailTable.Format(shown);
        output.WriteLine(LabApp.Indent(LabApp.Terminal(body)));
    }

    private static string? Value(CommandLine line, string option) => line.Get(option) is { } value && value.Trim().Length > 0 ? value.Trim() : null;
}
