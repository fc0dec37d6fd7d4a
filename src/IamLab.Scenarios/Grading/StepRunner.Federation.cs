using IamLab.Scenarios.Model;
using IamLab.World.Compute;
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

    private StepOutcome? Ec2(Ec2StepSpec spec, out string? problem)
    {
        problem = null;
        var options = InstanceMetadataOptions.With(null, spec.HttpTokens, spec.HopLimit, null);
        if (!options.IsSuccess)
        {
            return Refused(options.Error!);
        }

        if (spec.LaunchedBy is { } launcher)
        {
            // RunInstances as that user, authorized as EC2 does: ec2:RunInstances with the metadata options' keys, then
            // iam:PassRole on the profile's role for ec2.amazonaws.com.
            var key = built.KeyOf(launcher);
            if (key is null)
            {
                problem = $"\"launchedBy: {launcher}\" is not a user of the world.";
                return null;
            }

            var launch = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
            {
                ["ec2:MetadataHttpTokens"] = [options.Value.HttpTokens],
                ["ec2:MetadataHttpPutResponseHopLimit"] = [options.Value.HttpPutResponseHopLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["ec2:MetadataHttpEndpoint"] = [options.Value.HttpEndpoint],
            };
            var run = world.Authorize(key, "ec2:RunInstances", $"arn:aws:ec2:{world.Region}:{spec.Account}:instance/*", Context(launch), trace: false);
            if (!run.IsSuccess || !run.Value.IsAllowed)
            {
                return run.IsSuccess ? Decided(run.Value, launch) : Refused(run.Error!, launch);
            }

            var profile = world.Iam(spec.Account).GetInstanceProfile(spec.InstanceProfile);
            var role = profile.IsSuccess && profile.Value.RoleNames.Count > 0 ? world.Iam(spec.Account).GetRole(profile.Value.RoleNames[0]) : null;
            if (role is { IsSuccess: true })
            {
                var passed = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["iam:PassedToService"] = ["ec2.amazonaws.com"] };
                var pass = world.Authorize(key, "iam:PassRole", role.Value.Arn, Context(passed), trace: false);
                if (!pass.IsSuccess || !pass.Value.IsAllowed)
                {
                    return pass.IsSuccess ? Decided(pass.Value, passed) : Refused(pass.Error!, passed);
                }
            }
        }

        var launched = world.Compute.RunInstance(spec.Account, spec.InstanceProfile, options.Value);
        if (!launched.IsSuccess)
        {
            return Refused(launched.Error!);
        }

        instance = launched.Value;
        // How the credentials are read: with a token (PUT, then GET with the header, as the SDKs do) or a plain GET.
        var metadata = instance.MetadataOptions;
        if (spec.ImdsToken)
        {
            var put = MetadataAccess.Decide(metadata, new MetadataRequest(true, Hops: spec.ImdsHops));
            if (put != MetadataVerdict.Served)
            {
                return Refused(MetadataError(put));
            }
        }

        var read = MetadataAccess.Decide(metadata, new MetadataRequest(false, spec.ImdsToken ? MetadataToken.Valid : MetadataToken.None, spec.ImdsHops));
        if (read != MetadataVerdict.Served)
        {
            return Refused(MetadataError(read));
        }

        var credentials = world.Compute.InstanceCredentials(instance.InstanceId);
        if (credentials.IsSuccess)
        {
            Current = credentials.Value;
            return StepOutcome.Allowed(() => Explained.None);
        }

        return Refused(credentials.Error!);
    }

    // The metadata service's answers, as error codes a check can expect: its HTTP statuses, and the time-out a caller
    // beyond the hop limit sees (the lab's names; IMDS itself answers with a bare status or nothing).
    private static IamError MetadataError(MetadataVerdict verdict) => verdict switch
    {
        MetadataVerdict.Unauthorized => new IamError("Unauthorized", "The instance metadata service answered 401: this instance requires an IMDSv2 token (HttpTokens=required) and the request sent none.", 401),
        MetadataVerdict.HopLimitExceeded => new IamError("HopLimitExceeded", "The token's PUT response never arrived: the caller is more network hops away than the instance's HttpPutResponseHopLimit allows.", 408),
        MetadataVerdict.Forbidden => new IamError("Forbidden", "The instance metadata service answered 403.", 403),
        _ => new IamError("EndpointDisabled", "The instance metadata service is disabled on this instance (HttpEndpoint=disabled).", 404),
    };

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
