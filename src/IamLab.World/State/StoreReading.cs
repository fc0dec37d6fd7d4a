namespace IamLab.World.State;

/// <summary>A world read from a store without opening it for writing, and what reading it had to say (a torn last batch ignored).</summary>
/// <param name="World">The world.</param>
/// <param name="Notices">The notices.</param>
public sealed record StoreReading(LabWorld World, IReadOnlyList<string> Notices);
