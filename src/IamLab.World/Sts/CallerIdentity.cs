using IamLab.World.Iam;

namespace IamLab.World.Sts;

/// <summary>
/// Who a set of credentials belongs to, as GetCallerIdentity reports it (UserId, Account, Arn), with the
/// user or session behind it.
/// </summary>
public sealed class CallerIdentity
{
    internal CallerIdentity(string arn, string account, string userId, User? user, Session? session)
    {
        Arn = arn;
        Account = account;
        UserId = userId;
        User = user;
        Session = session;
    }

    /// <summary>The caller's ARN (a user ARN or an assumed-role ARN).</summary>
    public string Arn { get; }

    /// <summary>The caller's account.</summary>
    public string Account { get; }

    /// <summary>The unique id: <c>AIDA…</c> for a user, <c>AROA…:SESSION</c> for a role session.</summary>
    public string UserId { get; }

    /// <summary>The user, when the credentials are a user's access key.</summary>
    public User? User { get; }

    /// <summary>The session, when the credentials are temporary.</summary>
    public Session? Session { get; }
}
