using IamLab.World.Sts;

namespace IamLab.World.Events;

/// <summary>CloudTrail's <c>userIdentity</c> for each kind of caller the world knows.</summary>
internal static class TrailIdentities
{
    /// <summary>
    /// The identity behind <paramref name="credentials"/>. A session that has expired is still named (a defender wants
    /// to see who tried a stale key); credentials the world does not know give type <c>Unknown</c> with the key id.
    /// </summary>
    public static TrailIdentity Of(LabWorld world, Credentials credentials)
    {
        var caller = world.Sts.Resolve(credentials);
        if (caller.IsSuccess)
        {
            return Of(caller.Value, credentials.AccessKeyId);
        }

        return world.Data.Sessions.TryGetValue(credentials.AccessKeyId, out var session)
               && (credentials.SessionToken is null || session.TokenEquals(credentials.SessionToken))
            ? OfSession(session)
            : new TrailIdentity { Type = "Unknown", AccessKeyId = credentials.AccessKeyId };
    }

    public static TrailIdentity Of(CallerIdentity caller, string accessKeyId)
    {
        if (caller.Session is { } session)
        {
            return OfSession(session);
        }

        return caller.User is { } user
            ? new TrailIdentity { Type = "IAMUser", PrincipalId = user.UserId, Arn = user.Arn, AccountId = caller.Account, AccessKeyId = accessKeyId, UserName = user.Name }
            : new TrailIdentity { Type = "Root", PrincipalId = caller.Account, Arn = caller.Arn, AccountId = caller.Account, AccessKeyId = accessKeyId };
    }

    public static TrailIdentity OfSession(Session session) => new()
    {
        Type = "AssumedRole",
        PrincipalId = session.AssumedRoleId,
        Arn = session.Arn,
        AccountId = session.AccountId,
        AccessKeyId = session.AccessKeyId,
        SessionContext = new TrailSessionContext(
            session.AssumedRoleId.Split(':')[0], session.RoleArn, session.AccountId, session.RoleName, session.Start,
            session.MfaAuthenticatedAt is not null, session.SourceIdentity),
    };

    /// <summary>A SAML or web identity caller: CloudTrail's <c>SAMLUser</c> / <c>WebIdentityUser</c> with the subject and the provider.</summary>
    public static TrailIdentity Federated(string type, string subject, string identityProvider) => new()
    {
        Type = type,
        PrincipalId = $"{identityProvider}:{subject}",
        UserName = subject,
        IdentityProvider = identityProvider,
    };

    /// <summary>A service acting for a resource it runs (EC2 for an instance, Lambda for a function).</summary>
    public static TrailIdentity Service(string servicePrincipal) => new() { Type = "AWSService", InvokedBy = servicePrincipal };
}
