using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.Lessons.Chains;

/// <summary>
/// What a lesson saw of its STS calls, for the chain pictures: for each session made, the call and the trust statement
/// that allowed it (from the check STS made, not a second decision); and every call STS refused, oldest first.
/// </summary>
public sealed class ChainLog
{
    /// <summary>For each session made, by access key id: the call and the trust statement that allowed it.</summary>
    public Dictionary<string, HopRecord> Hops { get; } = new(StringComparer.Ordinal);

    /// <summary>The calls STS refused, oldest first (drawn in red).</summary>
    public List<RefusedHop> Refused { get; } = [];

    /// <summary>Forgets everything (a new world has none of the old one's sessions).</summary>
    public void Clear()
    {
        Hops.Clear();
        Refused.Clear();
    }

    /// <summary>Keeps what <paramref name="attempt"/> gave: the hop of the session made, or the refused call with AWS's error.</summary>
    public void Record(ChainAttempt attempt, IamResult<AssumeRoleResult> result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsSuccess)
        {
            Hops[result.Value.Session.AccessKeyId] = new HopRecord(attempt.Call, AllowedBy(result.Value.Check), attempt.RequestedSeconds);
            return;
        }

        var error = result.Error!;
        Refused.Add(new RefusedHop(attempt.CallerKey, attempt.CallerArn, attempt.RoleArn, attempt.SessionName, attempt.Call, error.Code, error.Message, now));
    }

    /// <summary>The trust-policy statement(s) that allowed the call, from the check STS made: "trust policy statement 0 ("AllowDev")".</summary>
    private static string? AllowedBy(IamLab.World.Authorization.AccessCheck? check)
    {
        if (check?.Explanation is not { } explanation)
        {
            return null;
        }

        var granting = explanation.Granting.Where(s => s.Reference.Policy.Kind == IamLab.Policy.Evaluation.PolicyKind.Resource).ToList();
        if (granting.Count == 0)
        {
            granting = [.. explanation.Granting];
        }

        return granting.Count == 0 ? null : string.Join("; ", granting.Select(s =>
            $"{explanation.Describe(s.Reference.Policy)} statement {s.Reference.Statement}{(s.Reference.Sid is { } sid ? $" (\"{sid}\")" : string.Empty)}"));
    }
}
