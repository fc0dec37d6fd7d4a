using IamLab.World.Errors;

namespace IamLab.World.Sts;

/// <summary>
/// STS over the lab world: AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity and
/// GetCallerIdentity, with AWS's rules and messages. Split by operation over several files.
/// </summary>
public sealed partial class StsService
{
    private readonly LabWorld world;

    internal StsService(LabWorld world) => this.world = world;

    /// <summary>The live and expired sessions by access key id.</summary>
    public IReadOnlyDictionary<string, Session> Sessions => world.Data.Sessions;

    /// <summary>
    /// Finds who <paramref name="credentials"/> belong to. Unknown keys, inactive keys and wrong session tokens
    /// give InvalidClientTokenId; sessions past their expiration give ExpiredToken.
    /// </summary>
    public IamResult<CallerIdentity> Resolve(Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (world.Data.Sessions.TryGetValue(credentials.AccessKeyId, out var session))
        {
            if (credentials.SessionToken is not null && !session.TokenEquals(credentials.SessionToken))
            {
                return StsErrors.InvalidClientTokenId();
            }

            return world.Now >= session.Expiration
                ? StsErrors.ExpiredToken()
                : new CallerIdentity(session.Arn, session.AccountId, session.AssumedRoleId, null, session);
        }

        // An access key id that is an account id is that account's root user (the convention LocalStack uses too);
        // the root has no session token, and the engine gives it every permission in its own account.
        if (credentials.SessionToken is null && world.Data.Accounts.TryGetValue(credentials.AccessKeyId, out var rootAccount))
        {
            return new CallerIdentity(rootAccount.RootArn, rootAccount.Id, rootAccount.Id, null, null);
        }

        foreach (var account in world.Data.Accounts.Values)
        {
            foreach (var user in account.Users.Values)
            {
                if (user.AccessKeys.Any(k => k.AccessKeyId == credentials.AccessKeyId && k.IsActive))
                {
                    return new CallerIdentity(user.Arn, account.Id, user.UserId, user, null);
                }
            }
        }

        return StsErrors.InvalidClientTokenId();
    }

    /// <summary>The secret of an access key (user or session), for SigV4 verification; null when unknown.</summary>
    public string? SecretOf(string accessKeyId)
    {
        if (world.Data.Sessions.TryGetValue(accessKeyId, out var session))
        {
            return session.SecretAccessKey;
        }

        return world.Data.Accounts.Values.SelectMany(a => a.Users.Values).SelectMany(u => u.AccessKeys)
            .FirstOrDefault(k => k.AccessKeyId == accessKeyId)?.SecretAccessKey;
    }

    /// <summary>GetCallerIdentity: needs no permission, only valid credentials.</summary>
    /// <remarks>Recorded in <see cref="LabWorld.Events"/>.</remarks>
    public IamResult<CallerIdentity> GetCallerIdentity(Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var result = Resolve(credentials);
        RecordCallerIdentity(credentials, result);
        return result;
    }
}
