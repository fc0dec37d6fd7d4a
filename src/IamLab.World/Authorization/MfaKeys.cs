using System.Globalization;
using IamLab.Policy.Evaluation;
using IamLab.World.Sts;

namespace IamLab.World.Authorization;

/// <summary>
/// The MFA condition keys as AWS sends them (IAM User Guide, reference_policies_condition-keys, aws:MultiFactorAuthPresent
/// and aws:MultiFactorAuthAge): a request signed with an IAM user's long-term access key carries neither key; a request
/// signed with temporary credentials carries <c>aws:MultiFactorAuthPresent</c> "true" when MFA was proved to obtain them,
/// with <c>aws:MultiFactorAuthAge</c> (seconds since), and "false" otherwise.
/// </summary>
public static class MfaKeys
{
    /// <summary>The key that says whether MFA was used.</summary>
    public const string Present = "aws:MultiFactorAuthPresent";

    /// <summary>The key that says how many seconds ago MFA was proved.</summary>
    public const string Age = "aws:MultiFactorAuthAge";

    /// <summary>
    /// The keys of a call made with MFA proved <paramref name="ageSeconds"/> ago (for example AssumeRole with SerialNumber and
    /// TokenCode, or credentials from GetSessionToken with MFA), or of temporary credentials obtained without MFA.
    /// </summary>
    public static RequestContext Set(RequestContext context, bool withMfa, long ageSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set(Present, withMfa ? "true" : "false");
        if (withMfa)
        {
            context.Set(Age, Math.Max(0, ageSeconds).ToString(CultureInfo.InvariantCulture));
        }

        return context;
    }

    /// <summary>Adds a session's keys where the request does not already state them.</summary>
    internal static void AddForSession(RequestContext facts, Session session, DateTimeOffset now)
    {
        if (session.MfaAuthenticatedAt is { } at)
        {
            facts.SetDefault(Present, "true");
            facts.SetDefault(Age, Math.Max(0, (long)(now - at).TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            facts.SetDefault(Present, "false");
        }
    }

    /// <summary>
    /// When MFA was proved for a session made by a call with <paramref name="callContext"/>: the call's own keys when it states
    /// them (an MFA code sent with the call), otherwise the calling session's (null for a long-term key without MFA).
    /// </summary>
    internal static DateTimeOffset? ProvedAt(RequestContext? callContext, Session? caller, DateTimeOffset now)
    {
        var present = callContext?.Lookup(Present);
        if (present is { Count: > 0 })
        {
            if (!string.Equals(present[0], "true", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var age = callContext!.Lookup(Age);
            var seconds = age is { Count: > 0 } && long.TryParse(age[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? Math.Max(0, s) : 0;
            return now.AddSeconds(-seconds);
        }

        return caller?.MfaAuthenticatedAt;
    }
}
