using System.Text.Json.Nodes;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World.Authorization;
using IamLab.World.Errors;

namespace IamLab.World.Sts;

public sealed partial class StsService
{
    /// <summary>
    /// AssumeRoleWithSAML: no credentials; the assertion (checked by <see cref="LabWorld.FederationVerifier"/>)
    /// stands for the caller, the SAML provider's ARN is the principal, and its claims (<c>SAML:aud</c>, ...) are condition keys.
    /// </summary>
    /// <remarks>
    /// The trust checks come back in <see cref="AssumeRoleResult.Checks"/> (<c>sts:AssumeRoleWithSAML</c>, then <c>sts:TagSession</c>
    /// for <c>PrincipalTag:KEY</c> attributes and <c>sts:SetSourceIdentity</c> for a <c>SourceIdentity</c> attribute), or the
    /// refusing one in the AccessDenied error's <see cref="IamError.Check"/>; <paramref name="trace"/> records their traces.
    /// </remarks>
    public IamResult<AssumeRoleResult> AssumeRoleWithSaml(string roleArn, string principalArn, string samlAssertion, int? durationSeconds = null,
        string? policy = null, IReadOnlyList<string>? policyArns = null, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        var (result, claims) = AssumeRoleWithSamlCore(roleArn, principalArn, samlAssertion, durationSeconds, policy, policyArns, trace);
        var parameters = new JsonObject { ["roleArn"] = roleArn, ["principalArn"] = principalArn };
        if (claims is not null)
        {
            // AWS's example AssumeRoleWithSAML entry records the session name the assertion gave.
            parameters["roleSessionName"] = claims.SessionName ?? claims.Subject;
        }

        if (durationSeconds is { } seconds)
        {
            parameters["durationSeconds"] = seconds;
        }

        RecordFederated("AssumeRoleWithSAML", "SAMLUser", principalArn, parameters, claims, result);
        return result;
    }

    // The claims come back beside the result, once the assertion is verified, for the event log to record what it asked
    // of the session, also when the trust then refuses it.
    private (IamResult<AssumeRoleResult> Result, FederatedClaims? Claims) AssumeRoleWithSamlCore(string roleArn, string principalArn, string samlAssertion, int? durationSeconds,
        string? policy, IReadOnlyList<string>? policyArns, bool trace)
    {
        var verifier = world.FederationVerifier;
        var account = Arn.AccountOf(principalArn) ?? string.Empty;
        if (!world.Data.Accounts.TryGetValue(account, out var owner) || !owner.SamlProviders.TryGetValue(principalArn, out var provider))
        {
            return (new IamError("InvalidIdentityToken", $"SAML provider {principalArn} does not exist in this account.", 400), null);
        }

        var claims = verifier.VerifySaml(samlAssertion, provider, roleArn, world.Now);
        if (!claims.IsSuccess)
        {
            return (claims.Forward<AssumeRoleResult>(), null);
        }

        var sessionName = claims.Value.SessionName ?? claims.Value.Subject;
        return (Federated("sts:AssumeRoleWithSAML", "AssumeRoleWithSAML", roleArn, principalArn, sessionName, durationSeconds ?? claims.Value.SessionDuration,
            policy, policyArns ?? [], claims.Value, trace), claims.Value);
    }

    /// <summary>
    /// AssumeRoleWithWebIdentity: the token (checked by <see cref="LabWorld.FederationVerifier"/> against the OIDC
    /// provider named by its issuer in the role's account) stands for the caller.
    /// </summary>
    /// <remarks>
    /// The trust checks come back in <see cref="AssumeRoleResult.Checks"/> (<c>sts:AssumeRoleWithWebIdentity</c>, then
    /// <c>sts:TagSession</c> for the token's <c>https://aws.amazon.com/tags</c> and <c>sts:SetSourceIdentity</c> for its
    /// <c>https://aws.amazon.com/source_identity</c>), or the refusing one in the AccessDenied error's <see cref="IamError.Check"/>.
    /// </remarks>
    public IamResult<AssumeRoleResult> AssumeRoleWithWebIdentity(string roleArn, string roleSessionName, string webIdentityToken, string issuerHost,
        int? durationSeconds = null, string? policy = null, IReadOnlyList<string>? policyArns = null, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        var (result, claims) = AssumeRoleWithWebIdentityCore(roleArn, roleSessionName, webIdentityToken, issuerHost, durationSeconds, policy, policyArns, trace);
        RecordFederated("AssumeRoleWithWebIdentity", "WebIdentityUser", issuerHost, WebIdentityParameters(roleArn, roleSessionName, durationSeconds), claims, result);
        return result;
    }

    private static JsonObject WebIdentityParameters(string roleArn, string roleSessionName, int? durationSeconds) =>
        new() { ["roleArn"] = roleArn, ["roleSessionName"] = roleSessionName, ["durationSeconds"] = durationSeconds ?? 3600 };

    private (IamResult<AssumeRoleResult> Result, FederatedClaims? Claims) AssumeRoleWithWebIdentityCore(string roleArn, string roleSessionName, string webIdentityToken, string issuerHost,
        int? durationSeconds, string? policy, IReadOnlyList<string>? policyArns, bool trace)
    {
        var verifier = world.FederationVerifier;
        var account = Arn.AccountOf(roleArn) ?? string.Empty;
        var providerArn = $"arn:aws:iam::{account}:oidc-provider/{issuerHost}";
        if (!world.Data.Accounts.TryGetValue(account, out var owner) || !owner.OidcProviders.TryGetValue(providerArn, out var provider))
        {
            return (StsErrors.NoSuchProvider($"https://{issuerHost}"), null);
        }

        var claims = verifier.VerifyWebIdentity(webIdentityToken, provider, world.Now);
        if (!claims.IsSuccess)
        {
            return (claims.Forward<AssumeRoleResult>(), null);
        }

        return (Federated("sts:AssumeRoleWithWebIdentity", "AssumeRoleWithWebIdentity", roleArn, providerArn, roleSessionName, durationSeconds,
            policy, policyArns ?? [], claims.Value, trace), claims.Value);
    }

    /// <summary>
    /// AssumeRoleWithWebIdentity as AWS's API takes it: the OIDC provider is found in the role's account by the token's
    /// <c>iss</c> claim (read before anything is trusted; the verifier then checks issuer, signature, expiry and audience).
    /// </summary>
    public IamResult<AssumeRoleResult> AssumeRoleWithWebIdentity(string roleArn, string roleSessionName, string webIdentityToken,
        int? durationSeconds = null, string? policy = null, IReadOnlyList<string>? policyArns = null, bool trace = false)
    {
        ArgumentNullException.ThrowIfNull(webIdentityToken);
        var issuer = UnverifiedIssuer(webIdentityToken);
        if (issuer is null)
        {
            // Lab wording, the same as the verifier's for a token that is not a JWT.
            IamResult<AssumeRoleResult> refused = new IamError("InvalidIdentityToken", "The web identity token is not a well-formed JWT", 400);
            RecordFederated("AssumeRoleWithWebIdentity", "WebIdentityUser", "unknown", WebIdentityParameters(roleArn, roleSessionName, durationSeconds), null, refused);
            return refused;
        }

        var host = (issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? issuer[8..] : issuer).TrimEnd('/');
        return AssumeRoleWithWebIdentity(roleArn, roleSessionName, webIdentityToken, host, durationSeconds, policy, policyArns, trace);
    }

    private static string? UnverifiedIssuer(string jwt)
    {
        try
        {
            var issuer = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(jwt).Issuer;
            return string.IsNullOrEmpty(issuer) ? null : issuer;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or Microsoft.IdentityModel.Tokens.SecurityTokenException)
        {
            return null;
        }
    }

    private IamResult<AssumeRoleResult> Federated(string action, string source, string roleArn, string providerArn, string sessionName, int? durationSeconds,
        string? policy, IReadOnlyList<string> policyArns, FederatedClaims claims, bool trace)
    {
        if (SessionRules.Check(sessionName, durationSeconds, null, policy, policyArns, claims.Tags, claims.SourceIdentity) is { } invalid)
        {
            return invalid;
        }

        var role = world.FindRole(roleArn);
        if (role is null)
        {
            return StsErrors.AccessDenied($"Not authorized to perform {action}");
        }

        var duration = durationSeconds ?? 3600;
        if (duration > role.MaxSessionDuration)
        {
            return StsErrors.AboveMaxSessionDuration();
        }

        var tags = SessionTags.Merge(null, claims.Tags, claims.TransitiveTagKeys);
        if (!tags.IsSuccess)
        {
            return tags.Forward<AssumeRoleResult>();
        }

        var policies = LoadSessionPolicies(policy, policyArns);
        if (!policies.IsSuccess)
        {
            return policies.Forward<AssumeRoleResult>();
        }

        var context = new RequestContext();
        foreach (var (key, values) in claims.ConditionKeys)
        {
            context.Set(key, values);
        }

        context.Set("sts:RoleSessionName", sessionName);
        SetIfPresent(context, "sts:SourceIdentity", claims.SourceIdentity);
        SessionTags.AddRequestKeys(context, claims.Tags, claims.TransitiveTagKeys);

        // The trust must allow the provider the role's action and, as for AssumeRole, sts:TagSession when the assertion
        // or token carries session tags and sts:SetSourceIdentity when it carries a source identity, each decided over
        // the same context (the provider's claims, aws:RequestTag/KEY, aws:TagKeys, sts:TransitiveTagKeys, sts:SourceIdentity).
        var checks = new List<AccessCheck>();
        var denied = RequireSessionPermissions(action, claims.Tags.Count > 0, claims.SourceIdentity is not null,
            permission => PolicyStack.CheckPrincipal(world, providerArn, permission, role.Arn, context.Clone(), trace),
            // AWS names neither the provider nor the role when it refuses a federated caller ("Not authorized to perform
            // sts:AssumeRoleWithWebIdentity"); the same shape naming sts:TagSession or sts:SetSourceIdentity is the lab's
            // wording, as AWS's documentation does not quote the message for those two.
            check => StsErrors.AccessDenied($"Not authorized to perform {check.Action}") with { Check = check },
            checks);
        if (denied is not null)
        {
            return denied;
        }

        if (SessionsFull() is { } full)
        {
            return full;
        }

        var session = Issue(role, sessionName, duration, role.MaxSessionDuration, source, providerArn, null, tags.Value, claims.SourceIdentity);
        session.InlineSessionPolicy = policies.Value.Inline;
        session.SessionPolicyArns = policies.Value.Arns;
        foreach (var (key, values) in claims.ConditionKeys)
        {
            session.Claims[key] = values;
        }

        return Result(session, policy, claims.Tags) with { Claims = claims, Checks = checks };
    }
}
