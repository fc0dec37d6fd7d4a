using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.S3;

/// <summary>
/// Authorizes an S3 action and words a refusal as S3 does. S3 adds context to AccessDenied (who, which action, the
/// resource ARN in quotes, which kind of policy) only for requests from the bucket owner's account or organization;
/// anonymous and other-account requests get the bare "Access Denied" (Amazon S3 User Guide, "Troubleshoot access
/// denied (403 Forbidden) errors", access denied message examples).
/// </summary>
internal static class S3Access
{
    public static AwsError? Authorize(AwsCall call, string action, string resourceArn, string? bucketAccount,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? context = null)
    {
        var denied = call.Authorize(action, resourceArn, context);
        if (denied is null || denied.Code != "AccessDenied")
        {
            return denied;
        }

        if (!ShowsContext(call, bucketAccount))
        {
            return S3Errors.AccessDenied();
        }

        // The engine writes "on resource: ARN"; S3 writes the ARN in double quotes.
        var message = denied.Message.Replace($" on resource: {resourceArn}", $" on resource: \"{resourceArn}\"", StringComparison.Ordinal);
        return new AwsError("AccessDenied", message, 403);
    }

    private static bool ShowsContext(AwsCall call, string? bucketAccount)
    {
        var callerAccount = call.Identity?.Account;
        if (callerAccount is null || bucketAccount is null)
        {
            return false;
        }

        if (callerAccount == bucketAccount)
        {
            return true;
        }

        lock (call.State.WorldGate)
        {
            var accounts = call.World.Accounts;
            return call.World.Organizations.Organization is not null
                && accounts.TryGetValue(callerAccount, out var caller) && caller.OrganizationalUnitId is not null
                && accounts.TryGetValue(bucketAccount, out var owner) && owner.OrganizationalUnitId is not null;
        }
    }
}
