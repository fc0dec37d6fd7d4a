using IamLab.World.Sts;

namespace IamLab.Lessons.Charts;

/// <summary>The sessions to draw on a timeline, oldest first.</summary>
public sealed record SessionTimeline(IReadOnlyList<TimelineBar> Bars, DateTimeOffset Now)
{
    /// <summary>One bar per session in <paramref name="sessions"/>, ordered by start.</summary>
    public static SessionTimeline Of(IEnumerable<Session> sessions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var ordered = sessions.OrderBy(s => s.Start).ThenBy(s => s.AccessKeyId, StringComparer.Ordinal).ToList();
        var index = ordered.Select((s, i) => (s.AccessKeyId, i)).ToDictionary(x => x.AccessKeyId, x => x.i, StringComparer.Ordinal);
        var bars = ordered
            .Select(s => new TimelineBar($"{s.RoleName}/{s.SessionName}", s.Arn, s.Source, s.Start, s.Expiration, s.DurationCap, s.IsChained)
            {
                ParentIndex = s.ParentAccessKeyId is { } parent && index.TryGetValue(parent, out var i) ? i : null,
            })
            .ToList();
        return new SessionTimeline(bars, now);
    }
}

/// <summary>One session on the timeline: its label, start, expiry, the longest it could have lasted, and whether it was chained.</summary>
public sealed record TimelineBar(string Label, string Arn, string Source, DateTimeOffset Start, DateTimeOffset Expiration, int CapSeconds, bool IsChained)
{
    /// <summary>The index of the bar of the session this one was made with (role chaining), or null.</summary>
    public int? ParentIndex { get; init; }

    /// <summary>The one-hour limit AWS puts on a session made by role chaining.</summary>
    public static readonly TimeSpan ChainingCap = TimeSpan.FromHours(1);
}
