using IamLab.World.Iam;

namespace IamLab.World.Sts;

public sealed partial class StsService
{
    // Sessions of the same role and name share their name, ARN and AssumedRoleId strings (an application that
    // re-assumes a role every few minutes with a fixed name would otherwise keep a copy of each per session).
    private const int MaxCachedNames = 4096;
    private readonly Dictionary<(string RoleId, string SessionName), SessionNames> names = [];
    private DateTimeOffset? lastSweep;

    /// <summary>
    /// How long the world keeps a session after it expired. Until then its credentials get ExpiredToken, as on AWS;
    /// afterwards the session is forgotten (its access key then gets InvalidClientTokenId), unless a session that is
    /// still kept was made from it (role chaining), so that <see cref="Chain"/> can always follow a kept session back
    /// to its origin. The sweep runs when a session is issued, at most once an hour of world time. Role last-used
    /// dates are kept on the role and do not depend on the session.
    /// </summary>
    public static TimeSpan ExpiredSessionRetention { get; } = TimeSpan.FromHours(24);

    private SessionNames Names(Role role, string sessionName)
    {
        if (names.TryGetValue((role.RoleId, sessionName), out var known))
        {
            return known;
        }

        if (names.Count >= MaxCachedNames)
        {
            names.Clear();
        }

        var made = new SessionNames(sessionName, $"arn:aws:sts::{role.AccountId}:assumed-role/{role.Name}/{sessionName}", $"{role.RoleId}:{sessionName}");
        names[(role.RoleId, sessionName)] = made;
        return made;
    }

    private void SweepExpired(DateTimeOffset now)
    {
        if (lastSweep is { } last && now - last < TimeSpan.FromHours(1) && now >= last)
        {
            return;
        }

        lastSweep = now;
        var sessions = world.Data.Sessions;
        var cutoff = now - ExpiredSessionRetention;

        // INVARIANT: every ancestor of a kept session is kept, so chains never lose a middle hop.
        var ancestorsOfKept = new HashSet<string>(StringComparer.Ordinal);
        var forgotten = new List<string>();
        foreach (var session in sessions.Unordered)
        {
            if (session.Expiration > cutoff)
            {
                for (var key = session.ParentAccessKeyId; key is not null && ancestorsOfKept.Add(key); key = sessions.TryGetValue(key, out var parent) ? parent.ParentAccessKeyId : null)
                {
                }
            }
            else
            {
                forgotten.Add(session.AccessKeyId);
            }
        }

        foreach (var key in forgotten)
        {
            if (!ancestorsOfKept.Contains(key))
            {
                sessions.Remove(key);
            }
        }
    }
}
