using IamLab.Policy.Evaluation;
using IamLab.Scenarios.Model;
using IamLab.World;
using IamLab.World.Authorization;
using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// Runs the steps of one check against a built world: STS calls through the world's STS (federated ones with real
/// assertions and tokens from the lab's providers), service credentials through EC2 and Lambda, requests through the
/// world's authorizer. When a call is refused, asks the engine again with a trace to explain why.
/// </summary>
internal sealed partial class StepRunner(BuiltWorld built)
{
    private readonly LabWorld world = built.World;

    /// <summary>Credentials the previous step produced (or the user of the step's <c>as</c>).</summary>
    public Credentials? Current { get; private set; }

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
            return Ec2(ec2);
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

        return step.AssumeRole is { } assume ? AssumeRole(assume, out problem) : Request(Current, step.Request!);
    }

    private StepOutcome Request(Credentials credentials, RequestSpec request)
    {
        var check = world.Authorize(credentials, request.Action, request.Resource, Context(request.Context), trace: true);
        if (!check.IsSuccess)
        {
            return Refused(check.Error!, Explained.None);
        }

        return new StepOutcome(check.Value.Result.Decision, null, null, Now(Explain(check.Value, request.Context)));
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

        // A role is evaluated as a session of it without session policies; any other principal has no identity policies.
        var identity = new List<IamLab.Policy.Model.PolicyDocument>();
        IamLab.Policy.Model.PolicyDocument? boundary = null;
        if (principal.Contains(":role/", StringComparison.Ordinal))
        {
            var role = world.FindRole(principal);
            if (role is null)
            {
                problem = $"The principal {principal} is not a role of the world.";
                return null;
            }

            identity.AddRange(role.AttachedPolicyArns.Select(world.FindPolicy).OfType<IamLab.World.Iam.ManagedPolicy>().Select(p => p.Document.Document));
            identity.AddRange(role.InlinePolicies.Values.Select(p => p.Document));
            boundary = role.PermissionsBoundaryArn is { } arn ? world.FindPolicy(arn)?.Document.Document : null;
        }

        var (resourcePolicy, resourceAccount) = ResourcePolicyOf(request.Action, request.Resource);
        var context = Context(request.Context);
        var now = world.Time.GetUtcNow();
        context.SetDefault("aws:CurrentTime", now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        context.SetDefault("aws:EpochTime", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var policies = new PolicySet { IdentityPolicies = identity, PermissionsBoundary = boundary, ResourcePolicy = resourcePolicy };
        return Decide(principal, request.Action, request.Resource, context, policies, resourceAccount);
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
        var caller = Current!;
        var result = world.Sts.AssumeRole(caller, request, Context(spec.Context));
        var context = AssumeRoleContext(spec);
        if (result.IsSuccess)
        {
            RecordSessionPolicy(result.Value.Session, spec.Policy);
            Current = result.Value.Credentials;
            return StepOutcome.Allowed(() => world.Authorize(caller, "sts:AssumeRole", spec.RoleArn, context.Clone(), trace: true) is { IsSuccess: true } allowed
                ? Explain(allowed.Value, Shown(context)) : Explained.None);
        }

        if (result.Error!.Code != "AccessDenied")
        {
            return Refused(result.Error, Explained.None);
        }

        // Ask the engine the questions STS asked, with a trace, to say which policy refused.
        var actions = new List<string> { "sts:AssumeRole" };
        if (spec.Tags.Count > 0)
        {
            actions.Add("sts:TagSession");
        }

        if (spec.SourceIdentity is not null)
        {
            actions.Add("sts:SetSourceIdentity");
        }

        foreach (var action in actions)
        {
            var check = world.Authorize(caller, action, spec.RoleArn, context.Clone(), trace: true);
            if (check.IsSuccess && !check.Value.IsAllowed)
            {
                return new StepOutcome(check.Value.Result.Decision, result.Error.Code, result.Error.Message, Now(Explain(check.Value, Shown(context))));
            }
        }

        return Refused(result.Error, Explained.None);
    }

    private static RequestContext AssumeRoleContext(AssumeRoleSpec spec)
    {
        var context = Context(spec.Context);
        context.Set("sts:RoleSessionName", spec.RoleSessionName);
        if (spec.ExternalId is not null)
        {
            context.Set("sts:ExternalId", spec.ExternalId);
        }

        if (spec.SourceIdentity is not null)
        {
            context.Set("sts:SourceIdentity", spec.SourceIdentity);
        }

        foreach (var (key, value) in spec.Tags)
        {
            context.Set($"aws:RequestTag/{key}", value);
        }

        if (spec.Tags.Count > 0)
        {
            context.Set("aws:TagKeys", [.. spec.Tags.Keys]);
        }

        return context;
    }

    private StepOutcome Decide(string principal, string action, string resource, RequestContext context, PolicySet policies, string? resourceAccount,
        IEnumerable<KeyValuePair<string, string[]>>? shown = null)
    {
        var described = TraceExplainer.Describe(principal, action, resource, shown ?? Shown(context));
        var request = new AuthorizationRequest(principal, action, resource, context, resourceAccount);
        var collector = new EvaluationCollector(trace: true);
        var result = Authorizer.Authorize(request, policies, collector);
        return new StepOutcome(result.Decision, null, null, Now(TraceExplainer.Explain(result, collector, policies, built.Origins, request.IsRoleTrust, described)));
    }

    private (IamLab.Policy.Model.PolicyDocument? Policy, string? Account) ResourcePolicyOf(string action, string resource)
    {
        if (resource.StartsWith("arn:aws:s3:::", StringComparison.Ordinal))
        {
            var name = resource["arn:aws:s3:::".Length..].Split('/')[0];
            return world.S3.Buckets.TryGetValue(name, out var bucket) ? (bucket.Policy?.Document, bucket.AccountId) : (null, null);
        }

        return action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase) && world.FindRole(resource) is { } role
            ? (role.TrustPolicy.Document, role.AccountId)
            : (null, null);
    }

    private Explained Explain(AccessCheck check, IEnumerable<KeyValuePair<string, string[]>> shown) =>
        TraceExplainer.Explain(check.Result, check.Collector, check.Policies, built.Origins,
            check.Action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase) && check.Resource.Contains(":role/", StringComparison.Ordinal),
            TraceExplainer.Describe(check.CallerArn, check.Action, check.Resource, shown));

    // The keys a learner set or STS derived from the call, not the ones every request carries.
    private static IEnumerable<KeyValuePair<string, string[]>> Shown(RequestContext context) =>
        context.Keys.Where(k => !k.StartsWith("aws:Principal", StringComparison.OrdinalIgnoreCase) && !k.Equals("sts:RoleSessionName", StringComparison.OrdinalIgnoreCase))
            .Select(k => new KeyValuePair<string, string[]>(k, [.. context.Lookup(k)!]));

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

    private static StepOutcome Refused(IamError error, Explained explained) => new(null, error.Code, error.Message, Now(explained));

    private static Lazy<Explained> Now(Explained explained) => new(explained);

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
