using IamLab.Policy.Model;
using IamLab.World;
using IamLab.World.Sts;

namespace IamLab.Scenarios.Grading;

/// <summary>A scenario's world built with one submission's files in place, with its clock and the origin of every policy.</summary>
internal sealed class BuiltWorld(LabWorld world, GradingClock clock, PolicyOrigins origins, FederationKit? federation, IReadOnlyDictionary<string, string> files)
{
    private readonly Dictionary<string, Credentials> keys = new(StringComparer.Ordinal);

    public LabWorld World { get; } = world;

    public GradingClock Clock { get; } = clock;

    public PolicyOrigins Origins { get; } = origins;

    public FederationKit? Federation { get; } = federation;

    /// <summary>The events each named call of the scenario's incident recorded, by the call's name.</summary>
    public Dictionary<string, IReadOnlyList<IamLab.World.Events.TrailEvent>> IncidentEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>The text of a learner's file, or null.</summary>
    public string? FileText(string name) => files.TryGetValue(name, out var text) ? text : null;

    /// <summary>The account of the role whose trust policy each learner file is.</summary>
    public Dictionary<string, string> TrustFileAccounts { get; } = new(StringComparer.Ordinal);

    /// <summary>An access key of the user <paramref name="userArn"/>, made on first use; null when there is no such user.</summary>
    public Credentials? KeyOf(string userArn)
    {
        if (keys.TryGetValue(userArn, out var known))
        {
            return known;
        }

        if (Arn.TryParse(userArn) is not { ResourceType: "user" } parts || !World.Accounts.TryGetValue(parts.Account, out var account)
            || !account.Users.TryGetValue(parts.Name, out var user) || user.Arn != userArn)
        {
            return null;
        }

        var made = World.Iam(parts.Account).CreateAccessKey(parts.Name);
        if (!made.IsSuccess)
        {
            return null;
        }

        keys[userArn] = made.Value;
        return made.Value;
    }
}
