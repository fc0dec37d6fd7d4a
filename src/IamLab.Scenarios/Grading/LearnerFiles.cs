using IamLab.Scenarios.Attacks;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// A submission's attack and findings files, read, and the challenges' fixed worlds (built on first use, once per
/// grading, with the same submission).
/// </summary>
internal sealed class LearnerFiles(IReadOnlyDictionary<string, AttackFile> attacks, IReadOnlyDictionary<string, FindingsFile> findings,
    Func<ChallengeSpec, (BuiltWorld? World, string? Problem)> buildFixed)
{
    private readonly Dictionary<string, (BuiltWorld? World, string? Problem)> fixedWorlds = new(StringComparer.Ordinal);

    /// <summary>No attack or findings files.</summary>
    public static LearnerFiles None { get; } = new(new Dictionary<string, AttackFile>(), new Dictionary<string, FindingsFile>(), _ => (null, "no fixed world"));

    public IReadOnlyDictionary<string, AttackFile> Attacks { get; } = attacks;

    public IReadOnlyDictionary<string, FindingsFile> Findings { get; } = findings;

    /// <summary>The world of <paramref name="challenge"/> with its fixes in place, or why it cannot be built.</summary>
    public (BuiltWorld? World, string? Problem) Fixed(ChallengeSpec challenge)
    {
        if (!fixedWorlds.TryGetValue(challenge.File, out var built))
        {
            built = buildFixed(challenge);
            fixedWorlds[challenge.File] = built;
        }

        return built;
    }
}
