using IamLab.World.Errors;

namespace IamLab.World.Limits;

/// <summary>
/// IAM's default quotas that keep a world's size bounded, as AWS documents them (IAM User Guide, "IAM and AWS STS
/// quotas"), and the error IAM answers when one is reached: <c>LimitExceeded</c> (409), "Cannot exceed quota for NAME:
/// VALUE". The names are IAM's quota names as its error messages spell them.
/// </summary>
public static class IamQuotas
{
    /// <summary>Roles in an account.</summary>
    public const int RolesPerAccount = 1_000;

    /// <summary>IAM users in an account.</summary>
    public const int UsersPerAccount = 5_000;

    /// <summary>Groups in an account.</summary>
    public const int GroupsPerAccount = 300;

    /// <summary>Customer managed policies in an account.</summary>
    public const int PoliciesPerAccount = 1_500;

    /// <summary>Instance profiles in an account.</summary>
    public const int InstanceProfilesPerAccount = 1_000;

    /// <summary>Managed policies attached to one role, user or group.</summary>
    public const int AttachedPoliciesPerEntity = 10;

    /// <summary>Groups one user is in.</summary>
    public const int GroupsPerUser = 10;

    /// <summary>IAM's refusal for quota <paramref name="name"/> of <paramref name="value"/>.</summary>
    /// <param name="name">The quota's name, e.g. <c>RolesPerAccount</c>.</param>
    /// <param name="value">The quota.</param>
    /// <returns>The error.</returns>
    public static IamError Exceeded(string name, int value) =>
        new("LimitExceeded", $"Cannot exceed quota for {name}: {value}", 409);

    /// <summary>The lab's refusal for one of its own <see cref="WorldLimits"/> (the message says it is the lab's).</summary>
    /// <param name="what">What is full, e.g. "accounts".</param>
    /// <param name="limit">The limit.</param>
    /// <param name="setting">The setting that holds it.</param>
    /// <returns>The error.</returns>
    public static IamError LabLimit(string what, long limit, string setting) =>
        new("LimitExceeded", $"The lab's world holds at most {limit:N0} {what} (a limit of the lab, WorldLimits.{setting}; AWS has no such quota).", 409);
}
