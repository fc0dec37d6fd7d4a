namespace IamLab.Scenarios.Model;

/// <summary>
/// A break-it challenge: the learner's attack file, where the attacker starts, what the attack must reach (the goal
/// request, made with the credentials the chain ends with), and the fixes that close the hole in the fixed world.
/// </summary>
public sealed record ChallengeSpec
{
    /// <summary>The learner's attack file (one of the scenario's files, of form attack).</summary>
    public required string File { get; init; }

    /// <summary>Where the attacker starts.</summary>
    public required FootholdSpec Foothold { get; init; }

    /// <summary>The request the attack must get allowed.</summary>
    public required RequestSpec Goal { get; init; }

    /// <summary>The policies that differ in the fixed world.</summary>
    public required IReadOnlyList<FixSpec> Fixes { get; init; }

    /// <summary>Where the challenge is written.</summary>
    public required SourceSpot Spot { get; init; }
}
