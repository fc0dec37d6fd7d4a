using IamLab.World.Events;

namespace IamLab.Interactive.Views;

/// <summary>What <c>#!lab-events</c> shows: the events that passed the filter, and how many the log holds and let go.</summary>
/// <param name="Events">The events shown, oldest first.</param>
/// <param name="Kept">How many events the log keeps now.</param>
/// <param name="Dropped">How many events the log let go because it was full.</param>
/// <param name="Json">Whether to show each event as its CloudTrail JSON record instead of a table row.</param>
public sealed record EventsView(IReadOnlyList<TrailEvent> Events, int Kept, long Dropped, bool Json);
