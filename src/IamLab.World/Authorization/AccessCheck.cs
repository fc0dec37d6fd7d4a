using IamLab.Policy.Evaluation;
using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.World.Authorization;

/// <summary>
/// The answer to "may these credentials do this?": the engine's result, the collector (determining
/// statements, errors, trace), the policies weighed and the context used, and AWS's AccessDenied text.
/// </summary>
public sealed class AccessCheck
{
    internal AccessCheck(string callerArn, string action, string resource, AuthorizationResult result, EvaluationCollector collector, PolicySet policies, RequestContext context)
    {
        CallerArn = callerArn;
        Action = action;
        Resource = resource;
        Result = result;
        Collector = collector;
        Policies = policies;
        Context = context;
    }

    /// <summary>The caller's ARN (or service principal, or provider ARN).</summary>
    public string CallerArn { get; }

    /// <summary>The action.</summary>
    public string Action { get; }

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>The engine's decision.</summary>
    public AuthorizationResult Result { get; }

    /// <summary>What the engine found: determining statements, errors and (when asked) the trace.</summary>
    public EvaluationCollector Collector { get; }

    /// <summary>Every policy the engine weighed.</summary>
    public PolicySet Policies { get; }

    /// <summary>The request's condition keys, the world's facts included.</summary>
    public RequestContext Context { get; }

    /// <summary>True when allowed.</summary>
    public bool IsAllowed => Result.IsAllowed;

    /// <summary>The decision's simulator name: allowed, explicitDeny, implicitDeny.</summary>
    public string DecisionName => Result.Decision.ToName();

    /// <summary>True when caller and resource are in one account or one organization, where AWS names a trust policy's verdict.</summary>
    public bool WithinAccountOrOrganization { get; init; }

    /// <summary>AWS's AccessDenied message, or null when allowed.</summary>
    public string? DenialMessage => IsAllowed ? null : AccessDeniedMessage.For(CallerArn, Action, Resource, Result, WithinAccountOrOrganization);

    /// <summary>The AccessDenied error, or null when allowed.</summary>
    public IamError? ToError() => DenialMessage is { } message ? StsErrors.AccessDenied(message) : null;
}
