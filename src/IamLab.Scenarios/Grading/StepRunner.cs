using IamLab.Policy.Evaluation;
using IamLab.Scenarios.Model;
using IamLab.World;
using IamLab.World.Authorization;
using IamLab.World.Errors;
using IamLab.World.Events;
using IamLab.World.Sts;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// Runs the steps of one check against a built world: STS calls through the world's STS (federated ones with real
/// assertions and tokens from the lab's providers), service credentials through EC2 and Lambda, requests through the
/// world's authorizer. Every explanation is of the access check the world made for the step (its trace is recorded only
/// when the explanation is read); nothing here builds a request or a policy set of its own.
/// </summary>
internal sealed partial class StepRunner(BuiltWorld built)
{
    private readonly LabWorld world = built.World;

    // The instance the last ec2Instance step launched (a request "fromInstance" is made from it).
    private IamLab.World.Compute.Ec2Instance? instance;

    /// <summary>Credentials the previous step produced (or the user of the step's <c>as</c>).</summary>
    public Credentials? Current { get; private set; }

    /// <summary>Starts a chain from <paramref name="credentials"/> (a challenge's foothold): the next step without credentials of its own uses them.</summary>
    public void StartFrom(Credentials credentials) => Current = credentials;

    /// <summary>Runs one step; a null result with <paramref name="problem"/> set means the scenario itself is wrong.</summary>
    public StepOutcome? Run(StepSpec step, out string? problem)
    {
        problem = null;
        if (step.IsPlainRequest)
        {
            return PlainRequest(step.As!, step.Request!, out problem);
        }

        if (step.As is not null)
        {
            Current = built.KeyOf(step.As);
            if (Current is null)
            {
                problem = $"\"as: {step.As}\" is not a user of the world.";
                return null;
            }
        }

        if (step.AssumeRoleWithSaml is { } saml)
        {
            return Saml(saml, out problem);
        }

        if (step.AssumeRoleWithWebIdentity is { } web)
        {
            return WebIdentity(web, out problem);
        }

        if (step.Ec2Instance is { } ec2)
        {
            return Ec2(ec2, out problem);
        }

        if (step.LambdaFunction is { } lambda)
        {
            return Lambda(lambda);
        }

        if (Current is null)
        {
            problem = $"The step {step.Describe()} has no credentials: give it \"as\" or put a step before it that makes a session.";
            return null;
        }

        if (step.AssumeRole is { } assume)
        {
            return AssumeRole(assume, out problem);
        }

        var request = step.Request!;
        if (request.FromInstance)
        {
            if (instance is null)
            {
                problem = "A request \"fromInstance\" needs an ec2Instance step before it.";
                return null;
            }

            // The request leaves the instance through a VPC endpoint: AWS adds the VPC and the private address it came from.
            var context = new Dictionary<string, string[]>(request.Context, StringComparer.OrdinalIgnoreCase)
            {
                ["aws:SourceVpc"] = [world.Compute.VpcOf(instance)],
                ["aws:VpcSourceIp"] = [instance.PrivateIpAddress],
            };
            request = request with { Context = context };
        }

        return Request(Current, request);
    }

    private StepOutcome Request(Credentials credentials, RequestSpec request)
    {
        var context = Context(request.Context);
        var check = world.Authorize(credentials, request.Action, request.Resource, context, trace: false);
        var error = check.IsSuccess ? (check.Value.IsAllowed ? null : check.Value.ToError()) : check.Error;
        using (EventLog.Scope(new CallFacts(null, context.Lookup("aws:SourceIp") is [var ip, ..] ? ip : null, null)))
        {
            // The log shows the step as the call it stands for (s3:GetObject on a bucket is a GetObject), refused or not.
            world.Events.RecordRequest(credentials, request.Action, request.Resource, error?.Code, error?.Message);
        }

        return check.IsSuccess ? Decided(check.Value, request.Context) : Refused(check.Error!, request.Context);
    }

    private StepOutcome? PlainRequest(string principal, RequestSpec request, out string? problem)
    {
        problem = null;
        if (principal.Contains(":user/", StringComparison.Ordinal))
        {
            var key = built.KeyOf(principal);
            if (key is null)
            {
                problem = $"The principal {principal} is not a user of the world.";
                return null;
            }

            return Request(key, request);
        }

        // A role is decided as a session of it without session policies (its policies, boundary, tags, the organization's
        // SCPs and RCPs); any other principal has no identity policies. The world decides, as #!lab-simulate --as does.
        var check = world.AuthorizeAs(principal, request.Action, request.Resource, Context(request.Context), trace: false);
        if (!check.IsSuccess)
        {
            problem = $"The principal {principal} is not {(principal.Contains(":role/", StringComparison.Ordinal) ? "a role" : "a principal")} of the world.";
            return null;
        }

        return Decided(check.Value, request.Context);
    }

    private StepOutcome? AssumeRole(AssumeRoleSpec spec, out string? problem)
    {
        problem = null;
        if (!TryPolicyText(spec.Policy, out var policy, out problem))
        {
            return null;
        }

        var request = new AssumeRoleRequest(spec.RoleArn, spec.RoleSessionName)
        {
            DurationSeconds = spec.DurationSeconds,
            ExternalId = spec.ExternalId,
            Policy = policy,
            PolicyArns = spec.PolicyArns,
            SourceIdentity = spec.SourceIdentity,
            Tags = spec.Tags.Select(t => new Tag(t.Key, t.Value)).ToList(),
            TransitiveTagKeys = spec.TransitiveTagKeys,
        };
        var result = world.Sts.AssumeRole(Current!, request, Context(spec.Context));
        if (!result.IsSuccess)
        {
            return Refused(result.Error!, spec.Context);
        }

        RecordSessionPolicy(result.Value.Session, spec.Policy);
        Current = result.Value.Credentials;
        return Succeeded(result.Value, spec.Context);
    }

    /// <summary>A decision the world made, explained (with its trace, made only if the explanation is read) from the check itself.</summary>
    private StepOutcome Decided(AccessCheck check, IReadOnlyDictionary<string, string[]>? given = null) =>
        new(check.Result.Decision, null, null, new Lazy<Explained>(() => Explain(check, given)));

    /// <summary>An STS call that made a session: explained from the check STS made.</summary>
    private StepOutcome Succeeded(AssumeRoleResult result, IReadOnlyDictionary<string, string[]>? given = null) =>
        StepOutcome.Allowed(() => result.Check is { } check ? Explain(check, given) : Explained.None);

    /// <summary>A refused call: AWS's error, with the decision and explanation of the check that refused when an authorization did.</summary>
    private StepOutcome Refused(IamError error, IReadOnlyDictionary<string, string[]>? given = null) => error.Check is { } check
        ? new(check.Result.Decision, error.Code, error.Message, new Lazy<Explained>(() => Explain(check, given)))
        : new(null, error.Code, error.Message, new Lazy<Explained>(Explained.None));

    private Explained Explain(AccessCheck check, IReadOnlyDictionary<string, string[]>? given)
    {
        var shown = check.Context.Keys.Where(k => Shown(k, given)).Select(k => new KeyValuePair<string, string[]>(k, [.. check.Context.Lookup(k)!]));
        return TraceExplainer.Explain(check.WithTrace().Explanation, built.Origins, TraceExplainer.Describe(check.CallerArn, check.Action, check.Resource, shown));
    }

    // The keys the step gave and the ones STS derived from the call (ExternalId, tags, the tokens' aud and sub), not the
    // facts the world adds to every request.
    private static bool Shown(string key, IReadOnlyDictionary<string, string[]>? given) =>
        given?.ContainsKey(key) == true
        || (key.StartsWith("sts:", StringComparison.OrdinalIgnoreCase) && !key.Equals("sts:RoleSessionName", StringComparison.OrdinalIgnoreCase))
        || key.StartsWith("aws:RequestTag/", StringComparison.OrdinalIgnoreCase) || key.Equals("aws:TagKeys", StringComparison.OrdinalIgnoreCase)
        || (!key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) && (key.EndsWith(":aud", StringComparison.OrdinalIgnoreCase) || key.EndsWith(":sub", StringComparison.OrdinalIgnoreCase)));

    private void RecordSessionPolicy(Session session, PolicySource? source)
    {
        if (source is not null && session.InlineSessionPolicy is { } inline)
        {
            built.Origins.Add(inline.Document, source.File ?? "session policy", source.File);
        }
    }

    private bool TryPolicyText(PolicySource? source, out string? text, out string? problem)
    {
        problem = null;
        text = null;
        if (source is null)
        {
            return true;
        }

        text = source.File is { } file ? built.FileText(file) : source.Json;
        if (text is null)
        {
            problem = $"The session policy file {source.File} is not in the submission.";
            return false;
        }

        return true;
    }

    private static RequestContext Context(IReadOnlyDictionary<string, string[]> values)
    {
        var context = new RequestContext();
        foreach (var (key, list) in values)
        {
            context.Set(key, list);
        }

        return context;
    }
}
