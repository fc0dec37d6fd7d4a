using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Grading;

/// <summary>A scenario's world with one challenge's fixes in place: the named roles' trusts and roles' or users' policies replaced.</summary>
internal static class FixedWorlds
{
    /// <summary>The world of <paramref name="world"/> with <paramref name="challenge"/>'s fixes applied.</summary>
    public static WorldSpec Of(WorldSpec world, ChallengeSpec challenge)
    {
        var fixes = challenge.Fixes.ToDictionary(f => f.Arn, StringComparer.Ordinal);
        return world with
        {
            Roles = world.Roles.Select(r => fixes.TryGetValue(r.Arn, out var fix)
                ? r with { Trust = fix.Trust ?? r.Trust, Policies = fix.Policies ?? r.Policies }
                : r).ToList(),
            Users = world.Users.Select(u => fixes.TryGetValue(u.Arn, out var fix) && fix.Policies is not null ? u with { Policies = fix.Policies } : u).ToList(),
        };
    }
}
