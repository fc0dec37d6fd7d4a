using IamLab.Policy.Evaluation;
using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.World.Authorization;

/// <summary>
/// The answer to "may these credentials do this?", as the world decided it: the request the engine was asked (with
/// the world's facts in its context), the engine's result, the collector (determining statements, errors, and the
/// trace when it was asked for), the policies weighed, AWS's AccessDenied text, and the <see cref="Explanation"/>
/// every front end shows. Operations that authorize (STS, S3, IAM at the endpoint) hand back this check rather than
/// letting anyone rebuild the request to ask again.
/// </summary>
public sealed class AccessCheck
{
    private DecisionExplanation? explanation;

    internal AccessCheck(AuthorizationRequest request, AuthorizationResult result, EvaluationCollector collector, PolicySet policies)
    {
        Request = request;
        Result = result;
        Collector = collector;
        Policies = policies;
    }

    /// <summary>The request the engine decided.</summary>
    public AuthorizationRequest Request { get; }

    /// <summary>The caller's ARN (or service principal, or provider ARN).</summary>
    public string CallerArn => Request.Caller.Text;

    /// <summary>The action.</summary>
    public string Action => Request.Action;

    /// <summary>The resource.</summary>
    public string Resource => Request.Resource;

    /// <summary>True when the resource policy weighed was a role's trust policy (an STS action on a role).</summary>
    public bool IsRoleTrust => Request.IsRoleTrust;

    /// <summary>The engine's decision.</summary>
    public AuthorizationResult Result { get; }

    /// <summary>What the engine found: determining statements, errors and (when asked) the trace.</summary>
    public EvaluationCollector Collector { get; }

    /// <summary>Every policy the engine weighed.</summary>
    public PolicySet Policies { get; }

    /// <summary>The request's condition keys, the world's facts included.</summary>
    public RequestContext Context => Request.Context;

    /// <summary>True when the trace was recorded (the operation was asked for it).</summary>
    public bool IsTraced => Collector.TraceEnabled;

    /// <summary>
    /// This check with its trace: itself when it was traced, else the same request over the same policies decided again
    /// with the trace recorded, so a caller that learns only afterwards that it must explain (a grader, for a check that
    /// failed) pays for the trace only then. Nothing is rebuilt: the request object and the policy set are this check's own.
    /// </summary>
    public AccessCheck WithTrace()
    {
        if (IsTraced)
        {
            return this;
        }

        var collector = new EvaluationCollector(trace: true);
        var result = Authorizer.Authorize(Request, Policies, collector);

        // INVARIANT: the trace never changes a decision (EvaluationLaws.Decision_IsTheSameWithAndWithoutTrace).
        return result.Decision == Result.Decision
            ? new AccessCheck(Request, result, collector, Policies) { WithinAccountOrOrganization = WithinAccountOrOrganization }
            : throw new InvalidOperationException($"The traced decision {result.Decision} differs from the check's {Result.Decision}.");
    }

    /// <summary>The decision grouped with its reasons: the one model every explanation is a view of.</summary>
    public DecisionExplanation Explanation => explanation ??= DecisionExplanation.Of(Request, Result, Collector, Policies);

    /// <summary>True when allowed.</summary>
    public bool IsAllowed => Result.IsAllowed;

    /// <summary>The decision's simulator name: allowed, explicitDeny, implicitDeny.</summary>
    public string DecisionName => Result.Decision.ToName();

    /// <summary>True when caller and resource are in one account or one organization, where AWS names a trust policy's verdict.</summary>
    public bool WithinAccountOrOrganization { get; init; }

    /// <summary>AWS's AccessDenied message, or null when allowed.</summary>
    public string? DenialMessage => IsAllowed ? null : AccessDeniedMessage.For(CallerArn, Action, Resource, Result, IsRoleTrust, WithinAccountOrOrganization);

    /// <summary>The AccessDenied error, or null when allowed.</summary>
    public IamError? ToError() => DenialMessage is { } message ? StsErrors.AccessDenied(message) with { Check = this } : null;
}
