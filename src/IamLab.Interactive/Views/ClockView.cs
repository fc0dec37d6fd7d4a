using IamLab.World.Sts;

namespace IamLab.Interactive.Views;

/// <summary>The world's clock after it moved, and every session of the world with its state at that time.</summary>
/// <param name="Before">The world's time before the move.</param>
/// <param name="Now">The world's time now.</param>
/// <param name="Start">The scenario's fixed start, or null for a world given to <c>Lab.Use</c>.</param>
/// <param name="Sessions">The world's sessions, oldest first.</param>
public sealed record ClockView(DateTimeOffset Before, DateTimeOffset Now, DateTimeOffset? Start, IReadOnlyList<Session> Sessions)
{
    /// <summary>The view of <paramref name="notebook"/>'s world now, which was at <paramref name="before"/>.</summary>
    public static ClockView Of(LabNotebook notebook, DateTimeOffset before)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var world = notebook.RequireWorld();
        return new ClockView(before, world.Time.GetUtcNow(), notebook.Scenario?.Scenario.Clock,
            world.Sts.Sessions.Values.OrderBy(s => s.Start).ThenBy(s => s.SessionName, StringComparer.Ordinal).ToList());
    }
}
