using IamLab.Policy.Model;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// A decision with its reasons, grouped once from the authorizer's trace: the request, the decision and why, the
/// statements that decided it, every statement weighed with the element checks that decided whether it applied, and
/// the rules of the evaluation logic. "Why was I denied?" is <see cref="Failures"/>. Every front end (the CLI's text,
/// the grader's feedback, the notebook's HTML, the access graph) is a view of this model.
/// </summary>
public sealed class DecisionExplanation
{
    private readonly Dictionary<PolicySlot, PolicyDocument> documents;

    private DecisionExplanation(AuthorizationRequest request, AuthorizationResult result, EvaluationCollector collector, PolicySet? policies)
    {
        Caller = request.Caller.Text;
        Action = request.Action;
        Resource = request.Resource;
        IsRoleTrust = request.IsRoleTrust;
        Result = result;
        Summary = result.IsAllowed ? string.Empty : collector.Summary;
        Deciding = [.. collector.Determining];
        Errors = [.. collector.Errors];
        IsTraced = collector.TraceEnabled;
        documents = policies?.All().ToDictionary(p => p.Slot, p => p.Policy) ?? [];

        var children = new Dictionary<int, List<TraceEvent>>();
        var roots = new List<TraceEvent>();
        foreach (var e in collector.Trace)
        {
            if (e.ParentId is { } parent)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(e);
            }
            else
            {
                roots.Add(e);
            }
        }

        ExplainedCheck Node(TraceEvent e) => new(e, children.TryGetValue(e.Id, out var inside) ? [.. inside.OrderBy(c => c.Id).Select(Node)] : []);
        Checks = [.. roots.OrderBy(e => e.Id).Select(Node)];
        Statements = [.. Checks.SelectMany(c => c.Event.Step == TraceStep.Statement ? [c] : c.Children.Where(s => s.Event.Step == TraceStep.Statement))
            .Select(s => new ExplainedStatement(s, Find(s.Event.Statement!.Value), DocumentOf(s.Event.Statement!.Value.Policy)))];
        Rules = [.. Checks.Where(c => c.Event.Step == TraceStep.Rule).Select(c => c.Event)];
    }

    /// <summary>Groups what <paramref name="collector"/> gathered for <paramref name="request"/>; with <paramref name="policies"/>, statements are resolved to their source.</summary>
    public static DecisionExplanation Of(AuthorizationRequest request, AuthorizationResult result, EvaluationCollector collector, PolicySet? policies = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(collector);
        return new DecisionExplanation(request, result, collector, policies);
    }

    /// <summary>Who asked (the caller's ARN, service principal, provider ARN or <c>anonymous</c>).</summary>
    public string Caller { get; }

    /// <summary>The action.</summary>
    public string Action { get; }

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>True when the resource policy was a role's trust policy (an STS action on a role).</summary>
    public bool IsRoleTrust { get; }

    /// <summary>The engine's result.</summary>
    public AuthorizationResult Result { get; }

    /// <summary>The decision.</summary>
    public Decision Decision => Result.Decision;

    /// <summary>True when allowed.</summary>
    public bool IsAllowed => Result.IsAllowed;

    /// <summary>Why the request was denied, in one sentence (empty when allowed).</summary>
    public string Summary { get; }

    /// <summary>The statements that decided it: the Denies that matched, or the Allows that granted it.</summary>
    public IReadOnlyList<StatementRef> Deciding { get; }

    /// <summary>Statements that could not be evaluated.</summary>
    public IReadOnlyList<EvaluationError> Errors { get; }

    /// <summary>True when the trace was recorded; without it only the decision, summary, deciding statements and errors are known.</summary>
    public bool IsTraced { get; }

    /// <summary>The top of the tree, in order: each policy searched (with its statements inside) and the rules.</summary>
    public IReadOnlyList<ExplainedCheck> Checks { get; }

    /// <summary>Every statement weighed, in the order the authorizer weighed them.</summary>
    public IReadOnlyList<ExplainedStatement> Statements { get; }

    /// <summary>The rules of the evaluation logic that were applied (the last one says how the decision was reached).</summary>
    public IReadOnlyList<TraceEvent> Rules { get; }

    /// <summary>"Why was I denied?": the statements that stood in the way (Allows that did not apply, Denies that did).</summary>
    public IEnumerable<ExplainedStatement> Failures => Statements.Where(s => s.StoodInTheWay);

    /// <summary>The rules that did not let the request through.</summary>
    public IEnumerable<TraceEvent> FailedRules => Rules.Where(r => !r.Passed);

    /// <summary>For an allowed request, the statements that granted it as traced; empty otherwise.</summary>
    public IEnumerable<ExplainedStatement> Granting => IsAllowed ? Statements.Where(s => s.Applies && Deciding.Contains(s.Reference)) : [];

    /// <summary>How a learner names the policy in <paramref name="slot"/>: "trust policy", "identity-based policy", ...</summary>
    public string Describe(PolicySlot slot) => slot.Describe(IsRoleTrust);

    /// <summary>The policy in <paramref name="slot"/>, when the explanation was given the policies.</summary>
    public PolicyDocument? DocumentOf(PolicySlot slot) => documents.GetValueOrDefault(slot);

    /// <summary>The statement <paramref name="reference"/> points at, when the explanation was given the policies.</summary>
    public Statement? Find(StatementRef reference) =>
        DocumentOf(reference.Policy) is { } document ? document.Statements.FirstOrDefault(s => s.Index == reference.Statement) : null;
}
