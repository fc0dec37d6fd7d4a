using IamLab.Policy.Model;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// One request to authorize: who (the principal), what (the action), on what (the resource), in which
/// account the resource lives, and the request's condition keys.
/// </summary>
public sealed class AuthorizationRequest
{
    /// <summary>
    /// Makes a request. <paramref name="resourceAccount"/> defaults to the account in the resource ARN, or,
    /// for ARNs without one (S3), to the principal's account. The keys AWS always sets for a principal
    /// (<c>aws:PrincipalArn</c>, <c>aws:PrincipalAccount</c>, <c>aws:PrincipalType</c>, <c>aws:username</c>,
    /// <c>aws:userid</c>, <c>aws:PrincipalIsAWSService</c>, <c>aws:PrincipalServiceName</c>) are added to
    /// <paramref name="context"/> unless it already holds them.
    /// </summary>
    public AuthorizationRequest(string principal, string action, string resource, RequestContext? context = null, string? resourceAccount = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        Caller = Caller.Parse(principal);
        Action = action;
        Resource = resource;
        Context = context ?? new RequestContext();
        var inArn = AccountOf(resource);

        // The account segment "aws" (AWS managed policies) is AWS's own: never the caller's, whatever a case claims.
        ResourceAccount = inArn == AwsAccount ? AwsAccount : resourceAccount ?? inArn ?? Caller.Account;
        PrincipalKeys.AddDefaults(Caller, Context);

        // Derived once here: the authorizer asks on every decision.
        IsRoleTrust = resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Contains(":iam::", StringComparison.Ordinal)
            && resource.Contains(":role/", StringComparison.Ordinal) && action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase);
        var isKms = resource.StartsWith("arn:", StringComparison.Ordinal) && resource.Contains(":kms:", StringComparison.Ordinal);
        IsKmsKey = isKms && ResourcePart(resource).StartsWith("key/", StringComparison.Ordinal);
        IsKmsAlias = isKms && ResourcePart(resource).StartsWith("alias/", StringComparison.Ordinal);
    }

    /// <summary>The account segment of resources AWS itself owns, such as <c>arn:aws:iam::aws:policy/ReadOnlyAccess</c>.</summary>
    public const string AwsAccount = "aws";

    /// <summary>The caller.</summary>
    public Caller Caller { get; }

    /// <summary>The action, such as <c>s3:GetObject</c>.</summary>
    public string Action { get; }

    /// <summary>The resource ARN (or <c>*</c>).</summary>
    public string Resource { get; }

    /// <summary>The account that owns the resource, when known.</summary>
    public string? ResourceAccount { get; }

    /// <summary>The condition keys.</summary>
    public RequestContext Context { get; }

    /// <summary>True when the caller and the resource are in the same account.</summary>
    public bool IsSameAccount => Caller.Account is not null && Caller.Account == ResourceAccount;

    /// <summary>
    /// True when the resource policy is a role's trust policy: an STS action that trust policies grant,
    /// on an IAM role.
    /// </summary>
    public bool IsRoleTrust { get; }

    /// <summary>True when the resource is a KMS key (<c>arn:...:kms:...:key/...</c>), whose key policy must grant access explicitly.</summary>
    public bool IsKmsKey { get; }

    /// <summary>
    /// True when the resource is a KMS alias (<c>arn:...:kms:...:alias/...</c>): an alias is not a key, has no
    /// key policy, and is governed by IAM policies in its own account.
    /// </summary>
    public bool IsKmsAlias { get; }

    /// <summary>True when AWS owns the resource (account segment <c>aws</c>): it has no resource-based policy.</summary>
    public bool IsAwsOwned => ResourceAccount == AwsAccount;

    /// <summary>The resource part of an ARN (after the fifth colon), or the whole text when it is not an ARN.</summary>
    internal static string ResourcePart(string resource)
    {
        var at = -1;
        for (var i = 0; i < 5; i++)
        {
            at = resource.IndexOf(':', at + 1);
            if (at < 0)
            {
                return resource;
            }
        }

        return resource[(at + 1)..];
    }

    private static string? AccountOf(string resource)
    {
        return Arn.TryParse(resource) is { Account.Length: > 0 } arn ? arn.Account : null;
    }
}
