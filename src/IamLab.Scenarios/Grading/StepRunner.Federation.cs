using IamLab.Policy.Evaluation;
using IamLab.Scenarios.Model;
using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.Scenarios.Grading;

/// <summary>The federated steps (SAML, web identity) and the service steps (EC2, Lambda) of <see cref="StepRunner"/>.</summary>
internal sealed partial class StepRunner
{
    private StepOutcome? WebIdentity(WebIdentityStepSpec spec, out string? problem)
    {
        problem = null;
        var token = built.Federation?.Token(spec, world.Time.GetUtcNow());
        if (token is null)
        {
            problem = $"The issuer {spec.Issuer} is not one of the world's oidcProviders.";
            return null;
        }

        if (!TryPolicyText(spec.Policy, out var policy, out problem))
        {
            return null;
        }

        var host = spec.Issuer["https://".Length..].TrimEnd('/');
        var result = world.Sts.AssumeRoleWithWebIdentity(spec.RoleArn, spec.RoleSessionName, token, host, spec.DurationSeconds, policy);
        var account = ArnParts.Parse(spec.RoleArn).Account;
        var providerArn = $"arn:aws:iam::{account}:oidc-provider/{host}";
        if (result.IsSuccess)
        {
            RecordSessionPolicy(result.Value.Session, spec.Policy);
            Current = result.Value.Credentials;
            var claims = result.Value.Claims;
            return StepOutcome.Allowed(() => claims is null ? Explained.None
                : ExplainFederated(null, claims, providerArn, "sts:AssumeRoleWithWebIdentity", spec.RoleArn, spec.RoleSessionName).Explained);
        }

        if (result.Error!.Code != "AccessDenied" || !world.Accounts.TryGetValue(account, out var owner)
            || !owner.OidcProviders.TryGetValue(providerArn, out var provider))
        {
            return Refused(result.Error, Explained.None);
        }

        var verified = world.FederationVerifier!.VerifyWebIdentity(token, provider, world.Time.GetUtcNow());
        return !verified.IsSuccess ? Refused(result.Error, Explained.None) : ExplainFederated(result.Error, verified.Value, providerArn, "sts:AssumeRoleWithWebIdentity", spec.RoleArn, spec.RoleSessionName);
    }

    private StepOutcome? Saml(SamlStepSpec spec, out string? problem)
    {
        problem = null;
        var assertion = built.Federation?.SamlResponse(spec, world.Time.GetUtcNow());
        if (assertion is null)
        {
            problem = "The world has no samlProviders, so there is no SAML identity provider to sign in with.";
            return null;
        }

        if (!TryPolicyText(spec.Policy, out var policy, out problem))
        {
            return null;
        }

        var result = world.Sts.AssumeRoleWithSaml(spec.RoleArn, spec.PrincipalArn, assertion, spec.DurationSeconds, policy);
        if (result.IsSuccess)
        {
            RecordSessionPolicy(result.Value.Session, spec.Policy);
            Current = result.Value.Credentials;
            var claims = result.Value.Claims;
            var name = result.Value.Session.SessionName;
            return StepOutcome.Allowed(() => claims is null ? Explained.None
                : ExplainFederated(null, claims, spec.PrincipalArn, "sts:AssumeRoleWithSAML", spec.RoleArn, name).Explained);
        }

        var account = ArnParts.Parse(spec.PrincipalArn).Account;
        if (result.Error!.Code != "AccessDenied" || !world.Accounts.TryGetValue(account, out var owner)
            || !owner.SamlProviders.TryGetValue(spec.PrincipalArn, out var provider))
        {
            return Refused(result.Error, Explained.None);
        }

        var verified = world.FederationVerifier!.VerifySaml(assertion, provider, spec.RoleArn, world.Time.GetUtcNow());
        return !verified.IsSuccess ? Refused(result.Error, Explained.None) : ExplainFederated(result.Error, verified.Value, spec.PrincipalArn, "sts:AssumeRoleWithSAML", spec.RoleArn, spec.RoleSessionName ?? spec.NameId);
    }

    private StepOutcome ExplainFederated(IamError? error, FederatedClaims claims, string providerArn, string action, string roleArn, string sessionName)
    {
        var role = world.FindRole(roleArn);
        if (role is null)
        {
            return error is null ? StepOutcome.Allowed(() => Explained.None) : Refused(error, Explained.None);
        }

        var context = new RequestContext();
        foreach (var (key, values) in claims.ConditionKeys)
        {
            context.Set(key, values);
        }

        context.Set("sts:RoleSessionName", sessionName);
        var shown = claims.ConditionKeys.Where(k => k.Key.EndsWith(":aud", StringComparison.OrdinalIgnoreCase) || k.Key.EndsWith(":sub", StringComparison.OrdinalIgnoreCase));
        var outcome = Decide(providerArn, action, roleArn, context, new PolicySet { ResourcePolicy = role.TrustPolicy.Document }, role.AccountId, shown);
        return outcome with { ErrorCode = error?.Code, ErrorMessage = error?.Message };
    }

    private StepOutcome Ec2(Ec2StepSpec spec)
    {
        var instance = world.Compute.RunInstance(spec.Account, spec.InstanceProfile);
        var credentials = instance.IsSuccess ? world.Compute.InstanceCredentials(instance.Value.InstanceId) : instance.Forward<Credentials>();
        if (credentials.IsSuccess)
        {
            Current = credentials.Value;
            return StepOutcome.Allowed(() => Explained.None);
        }

        var profile = world.Accounts.TryGetValue(spec.Account, out var account)
            ? account.InstanceProfiles.Values.FirstOrDefault(p => p.Name == spec.InstanceProfile) : null;
        var role = profile?.RoleNames.FirstOrDefault() is { } roleName ? account!.Roles.GetValueOrDefault(roleName) : null;
        return ExplainService(credentials.Error!, "ec2.amazonaws.com", role);
    }

    private StepOutcome Lambda(LambdaStepSpec spec)
    {
        Credentials? captured = null;
        var function = world.Compute.CreateFunction(spec.Account, spec.Name, spec.RoleArn, invocation =>
        {
            captured = invocation.Credentials;
            return "{}";
        });
        var invoked = function.IsSuccess ? world.Compute.Invoke(function.Value.Arn) : function.Forward<string>();
        if (invoked.IsSuccess && captured is not null)
        {
            Current = captured;
            return StepOutcome.Allowed(() => Explained.None);
        }

        return ExplainService(invoked.Error ?? new IamError("ServiceException", "The function ran without credentials.", 500), "lambda.amazonaws.com", world.FindRole(spec.RoleArn));
    }

    private StepOutcome ExplainService(IamError error, string service, IamLab.World.Iam.Role? role)
    {
        if (role is null)
        {
            return Refused(error, Explained.None);
        }

        var outcome = Decide(service, "sts:AssumeRole", role.Arn, new RequestContext(), new PolicySet { ResourcePolicy = role.TrustPolicy.Document }, role.AccountId);
        return outcome with { ErrorCode = error.Code, ErrorMessage = error.Message };
    }
}
