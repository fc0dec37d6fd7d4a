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
        if (!result.IsSuccess)
        {
            return Refused(result.Error!);
        }

        RecordSessionPolicy(result.Value.Session, spec.Policy);
        Current = result.Value.Credentials;
        return Succeeded(result.Value);
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
        if (!result.IsSuccess)
        {
            return Refused(result.Error!);
        }

        RecordSessionPolicy(result.Value.Session, spec.Policy);
        Current = result.Value.Credentials;
        return Succeeded(result.Value);
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

        return Refused(credentials.Error!);
    }

    private StepOutcome Lambda(LambdaStepSpec spec)
    {
        Credentials? captured = null;
        // With credentials (the step's "as", or the session of the step before), the function is created by that caller,
        // who then needs lambda:CreateFunction and iam:PassRole; a first step without "as" has the world create it.
        var function = world.Compute.CreateFunction(spec.Account, spec.Name, spec.RoleArn, invocation =>
        {
            captured = invocation.Credentials;
            return "{}";
        }, Current);
        var invoked = function.IsSuccess ? world.Compute.Invoke(function.Value.Arn) : function.Forward<string>();
        if (invoked.IsSuccess && captured is not null)
        {
            Current = captured;
            return StepOutcome.Allowed(() => Explained.None);
        }

        return Refused(invoked.Error ?? new IamError("ServiceException", "The function ran without credentials.", 500));
    }
}
