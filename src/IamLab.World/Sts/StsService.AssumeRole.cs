using IamLab.Policy.Evaluation;
using IamLab.Policy.Validation;
using IamLab.World.Authorization;
using IamLab.World.Errors;
using IamLab.World.Iam;

namespace IamLab.World.Sts;

public sealed partial class StsService
{
    /// <summary>
    /// AssumeRole with every documented rule: parameter constraints, the trust policy and the caller's own
    /// policies (as the engine decides), the duration limits (the role's MaxSessionDuration, one hour when
    /// chaining), session policies, session and transitive tags, and the source identity.
    /// <paramref name="callerContext"/> carries request facts such as <c>aws:SourceIp</c> and <c>aws:MultiFactorAuthPresent</c>.
    /// The checks made come back in <see cref="AssumeRoleResult.Checks"/>, or, when one refused, in the error's
    /// <see cref="IamError.Check"/>; <paramref name="trace"/> records their traces (off, it costs nothing).
    /// </summary>
    /// <remarks>Each call, granted or refused, is recorded in <see cref="LabWorld.Events"/>.</remarks>
    public IamResult<AssumeRoleResult> AssumeRole(Credentials credentials, AssumeRoleRequest request, RequestContext? callerContext = null, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(request);
        var result = AssumeRoleCore(credentials, request, callerContext, trace);
        RecordAssumeRole(credentials, request, callerContext, result);
        return result;
    }

    private IamResult<AssumeRoleResult> AssumeRoleCore(Credentials credentials, AssumeRoleRequest request, RequestContext? callerContext, bool trace)
    {
        var caller = Resolve(credentials);
        if (!caller.IsSuccess)
        {
            return caller.Forward<AssumeRoleResult>();
        }

        if (caller.Value.User is null && caller.Value.Session is null)
        {
            // AWS refuses AssumeRole signed with an account's root user credentials, whatever the trust policy says
            // (IAM User Guide, "Switch to an IAM role (AWS API)"); the message is AWS's own text on the wire.
            return StsErrors.AccessDenied("Roles may not be assumed by root accounts.");
        }

        if (SessionRules.Check(request.RoleSessionName, request.DurationSeconds, request.ExternalId, request.Policy, request.PolicyArns, request.Tags, request.SourceIdentity) is { } invalid)
        {
            return invalid;
        }

        var parent = caller.Value.Session;
        var role = world.FindRole(request.RoleArn);
        if (role is null)
        {
            return StsErrors.AccessDenied(AccessDeniedMessage.Plain(caller.Value.Arn, "sts:AssumeRole", request.RoleArn));
        }

        var duration = request.DurationSeconds ?? 3600;
        if (parent is not null && duration > 3600)
        {
            return StsErrors.ChainingLimit();
        }

        if (duration > role.MaxSessionDuration)
        {
            return StsErrors.AboveMaxSessionDuration();
        }

        if (parent?.SourceIdentity is not null && request.SourceIdentity is not null && request.SourceIdentity != parent.SourceIdentity)
        {
            return StsErrors.AccessDenied(AccessDeniedMessage.Plain(caller.Value.Arn, "sts:SetSourceIdentity", request.RoleArn));
        }

        var tags = SessionTags.Merge(parent, request.Tags, request.TransitiveTagKeys);
        if (!tags.IsSuccess)
        {
            return tags.Forward<AssumeRoleResult>();
        }

        var policies = LoadSessionPolicies(request.Policy, request.PolicyArns);
        if (!policies.IsSuccess)
        {
            return policies.Forward<AssumeRoleResult>();
        }

        // A source identity is set once and then carried by every session chained from it (IAM User Guide, "Monitor and
        // control actions taken with assumed roles", "Role chaining and cross-account requirements"): the chained call
        // carries it in sts:SourceIdentity even when it does not pass it again, and needs sts:SetSourceIdentity in both
        // the caller's permissions and the next role's trust, or AssumeRole fails.
        var sourceIdentity = parent?.SourceIdentity ?? request.SourceIdentity;
        var context = callerContext?.Clone() ?? new RequestContext();
        context.Set("sts:RoleSessionName", request.RoleSessionName);
        SetIfPresent(context, "sts:ExternalId", request.ExternalId);
        SetIfPresent(context, "sts:SourceIdentity", sourceIdentity);
        SessionTags.AddRequestKeys(context, request.Tags, request.TransitiveTagKeys);

        var checks = new List<AccessCheck>();
        var denied = RequireSessionPermissions("sts:AssumeRole", request.Tags.Count > 0, sourceIdentity is not null,
            action => PolicyStack.Check(world, caller.Value, action, role.Arn, context.Clone(), trace), check => check.ToError()!, checks);
        if (denied is not null)
        {
            return denied;
        }

        if (SessionsFull() is { } full)
        {
            return full;
        }

        var session = Issue(role, request.RoleSessionName, duration, parent is null ? role.MaxSessionDuration : 3600, "AssumeRole", caller.Value.Arn,
            StoredKey(caller.Value, credentials.AccessKeyId), tags.Value, sourceIdentity);
        session.MfaAuthenticatedAt = MfaKeys.ProvedAt(callerContext, parent, session.Start);
        session.InlineSessionPolicy = policies.Value.Inline;
        session.SessionPolicyArns = policies.Value.Arns;
        return Result(session, request.Policy, request.Tags) with { Checks = checks };
    }

    internal Session Issue(Role role, string sessionName, int durationSeconds, int cap, string source, string callerArn, string? parentKey,
        SessionTags tags, string? sourceIdentity)
    {
        var now = world.Now;
        SweepExpired(now);
        var names = Names(role, sessionName);
        var session = new Session
        {
            AccessKeyId = world.Ids.AccessKeyId("ASIA"),
            SecretAccessKey = world.Ids.Secret(),
            SessionToken = world.Ids.SessionToken(),
            Start = now,
            Expiration = now.AddSeconds(durationSeconds),
            DurationCap = cap,
            Source = source,
            AccountId = role.AccountId,
            RoleName = role.Name,
            RoleArn = role.Arn,
            SessionName = names.SessionName,
            Arn = names.Arn,
            AssumedRoleId = names.AssumedRoleId,
            CallerArn = callerArn,
            ParentAccessKeyId = parentKey,
            Tags = tags.Tags,
            TransitiveTagKeys = tags.TransitiveKeys,
            SourceIdentity = sourceIdentity,
        };
        world.Data.Sessions.Set(session.AccessKeyId, session);
        role.RoleLastUsed = new RoleLastUsed(now, world.Region);
        world.SyncCounter();
        return session;
    }

    // The parent key as the world already holds it (the session's, the account id, the user's key) rather than the
    // copy parsed from this request, so that a stored session shares the string instead of keeping its own.
    private static string StoredKey(CallerIdentity caller, string accessKeyId) =>
        caller.Session?.AccessKeyId
        ?? (caller.User is null && accessKeyId == caller.Account ? caller.Account : null)
        ?? caller.User?.AccessKeys.FirstOrDefault(k => k.AccessKeyId == accessKeyId)?.AccessKeyId
        ?? accessKeyId;

    private IamResult<(PolicyText? Inline, List<string> Arns)> LoadSessionPolicies(string? policy, IReadOnlyList<string> arns)
    {
        PolicyText? inline = null;
        if (policy is not null)
        {
            var checkedPolicy = PolicyCheck.Validate(policy, DocumentKind.Session);
            if (!checkedPolicy.IsSuccess)
            {
                return checkedPolicy.Forward<(PolicyText?, List<string>)>();
            }

            inline = checkedPolicy.Value;
        }

        foreach (var arn in arns)
        {
            if (world.FindPolicy(arn) is null)
            {
                return IamErrors.NoSuchPolicy(arn);
            }
        }

        return (inline, arns.ToList());
    }

    private static AssumeRoleResult Result(Session session, string? policy, IReadOnlyList<Tag> tags)
    {
        // AWS packs the session policy and tags into a binary format and reports the size as a percent of
        // the limit; the lab approximates it from the characters given.
        var packed = (policy?.Length ?? 0) + tags.Sum(t => t.Key.Length + t.Value.Length);
        var percent = packed == 0 ? 0 : Math.Max(1, packed * 100 / 2048);
        return new AssumeRoleResult(session.Credentials, new AssumedRoleUser(session.Arn, session.AssumedRoleId), percent, session.SourceIdentity, session);
    }

    private static void SetIfPresent(RequestContext context, string key, string? value)
    {
        if (value is not null)
        {
            context.Set(key, value);
        }
    }
}
