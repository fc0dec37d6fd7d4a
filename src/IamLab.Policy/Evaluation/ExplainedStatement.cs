using IamLab.Policy.Model;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// One statement the authorizer weighed: whether it applied, the element checks that decided that (each with the values
/// compared), and the statement and policy themselves when the explanation knows the policies.
/// </summary>
public sealed class ExplainedStatement
{
    internal ExplainedStatement(ExplainedCheck node, Statement? source, PolicyDocument? document)
    {
        Verdict = node.Event;
        Reference = node.Event.Statement!.Value;
        Effect = node.Event.Effect ?? Effect.Allow;
        Elements = node.Children;
        Source = source;
        Document = document;
        var checks = new List<TraceEvent>();
        foreach (var element in node.Children)
        {
            // The Condition element is shown as its conditions; a policy variable after the element it is in.
            if (element.Event.Step != TraceStep.Conditions)
            {
                checks.Add(element.Event);
            }

            checks.AddRange(element.Children.Select(c => c.Event));
        }

        Checks = checks;
        FailedOn = Applies ? null : node.Children.LastOrDefault(c => !c.Event.Passed)?.Event.Step;
    }

    /// <summary>Where the statement is.</summary>
    public StatementRef Reference { get; }

    /// <summary>Allow or Deny.</summary>
    public Effect Effect { get; }

    /// <summary>True when the statement applied to the request.</summary>
    public bool Applies => Verdict.Passed;

    /// <summary>The statement's verdict as traced.</summary>
    public TraceEvent Verdict { get; }

    /// <summary>The element checks (Action, Resource, Principal, Condition with its conditions inside), in order.</summary>
    public IReadOnlyList<ExplainedCheck> Elements { get; }

    /// <summary>The element checks in one list, with each condition in place of the Condition element that holds it.</summary>
    public IReadOnlyList<TraceEvent> Checks { get; }

    /// <summary>For a statement that did not apply, the element that stopped it (<see cref="TraceStep.Conditions"/> for the Condition element); else null.</summary>
    public TraceStep? FailedOn { get; }

    /// <summary>True when the statement stood in the way of an allow: an Allow that did not apply, or a Deny that did.</summary>
    public bool StoodInTheWay => Effect == Effect.Deny ? Applies : !Applies;

    /// <summary>The checks that made the verdict: the ones that failed for a statement that did not apply, all of them for one that did.</summary>
    public IEnumerable<TraceEvent> Reasons => Checks.Where(c => c.Passed == Applies);

    /// <summary>The statement, when the explanation was given the policies.</summary>
    public Statement? Source { get; }

    /// <summary>The policy the statement is in, when the explanation was given the policies.</summary>
    public PolicyDocument? Document { get; }
}
