namespace IamLab.Scenarios.Serving;

/// <summary>What <see cref="ScenarioWorlds"/> gave: the world to serve, or every problem that stops it.</summary>
/// <param name="World">The world, or null when there are problems.</param>
/// <param name="Problems">The problems (empty on success).</param>
public sealed record ServingResult(ServingWorld? World, IReadOnlyList<ServingProblem> Problems)
{
    /// <summary>True when there is a world to serve.</summary>
    public bool IsSuccess => World is not null;
}
