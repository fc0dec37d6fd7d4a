namespace IamLab.Interactive.Clock;

/// <summary>
/// Moves a scenario world's clock for <c>#!lab-advance</c> and the commands' <c>--at</c>. The clock starts at the
/// scenario's fixed instant (grades stay repeatable) and moves only forward, only when told: a session issued at
/// 12:00 with one hour expires when the notebook has moved the clock to 13:00, whatever the wall clock says.
/// </summary>
internal static class WorldClock
{
    /// <summary>The world's time now.</summary>
    public static DateTimeOffset Now(LabNotebook notebook) => notebook.RequireWorld().Time.GetUtcNow();

    /// <summary>Moves the clock to <paramref name="instant"/>, which must not be before the world's time now.</summary>
    public static void MoveTo(LabNotebook notebook, DateTimeOffset instant, string parameter)
    {
        LabClock.MoveForward(notebook.RequireWorld(), instant, parameter);
        if (notebook.Scenario is { } scenario)
        {
            notebook.ClockAdvance = instant - scenario.Scenario.Clock;
        }

        SdkClock.Sync(notebook);
    }
}
