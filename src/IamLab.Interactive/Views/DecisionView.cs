using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World.Authorization;

namespace IamLab.Interactive.Views;

/// <summary>
/// An engine decision ready to show: the request, the decision, why, the statements that decided it (with their
/// policy, effect and Sid) and the checks of the trace. Made from the world's <see cref="AccessCheck"/>.
/// </summary>
public sealed class DecisionView
{
    /// <summary>Makes the view of a decision.</summary>
    public DecisionView(string caller, string action, string resource, AuthorizationResult result, EvaluationCollector collector, PolicySet policies,
        bool isRoleTrust, bool onlyFailures = false)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(policies);
        Caller = caller;
        Action = action;
        Resource = resource;
        Result = result;
        Collector = collector;
        OnlyFailures = onlyFailures;
        Deciding = collector.Determining.Select(r => new DecidingStatement(r, r.Policy.Describe(isRoleTrust), Find(policies, r))).ToList();
    }

    /// <summary>The view of a check made by the world (STS, S3, simulate).</summary>
    public static DecisionView From(AccessCheck check, bool onlyFailures = false)
    {
        ArgumentNullException.ThrowIfNull(check);
        var isTrust = check.Action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase) && check.Resource.Contains(":role/", StringComparison.Ordinal);
        return new DecisionView(check.CallerArn, check.Action, check.Resource, check.Result, check.Collector, check.Policies, isTrust, onlyFailures)
        {
            DenialMessage = check.DenialMessage,
        };
    }

    /// <summary>Who asked.</summary>
    public string Caller { get; }

    /// <summary>The action.</summary>
    public string Action { get; }

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>The engine's result.</summary>
    public AuthorizationResult Result { get; }

    /// <summary>The decision's simulator name: allowed, explicitDeny, implicitDeny.</summary>
    public string Decision => Result.Decision.ToName();

    /// <summary>True when allowed.</summary>
    public bool IsAllowed => Result.IsAllowed;

    /// <summary>The collector with the summary, determining statements, errors and trace.</summary>
    public EvaluationCollector Collector { get; }

    /// <summary>True to show only the checks that failed ("why was I denied?").</summary>
    public bool OnlyFailures { get; }

    /// <summary>The statements that decided it.</summary>
    public IReadOnlyList<DecidingStatement> Deciding { get; }

    /// <summary>AWS's AccessDenied message, when denied and known.</summary>
    public string? DenialMessage { get; init; }

    private static Statement? Find(PolicySet policies, StatementRef reference)
    {
        foreach (var (slot, policy) in policies.All())
        {
            if (slot == reference.Policy)
            {
                return policy.Statements.FirstOrDefault(s => s.Index == reference.Statement);
            }
        }

        return null;
    }
}

/// <summary>A statement that decided a request: where it is, how a learner names that policy, and the statement.</summary>
public sealed record DecidingStatement(StatementRef Reference, string PolicyDescription, Statement? Statement);
