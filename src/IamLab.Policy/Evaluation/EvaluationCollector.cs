namespace IamLab.Policy.Evaluation;

/// <summary>
/// Gathers what an authorization found beyond the decision: every determining statement, the errors, and,
/// when <see cref="TraceEnabled"/> is set, a trace of every check. Without a collector the authorizer
/// stops at the first decisive statement and builds no text at all; with one but no trace, it builds no events.
/// </summary>
public sealed class EvaluationCollector
{
    private int nextId;

    /// <summary>Makes a collector; <paramref name="trace"/> asks for the full trace.</summary>
    public EvaluationCollector(bool trace = false) => TraceEnabled = trace;

    /// <summary>True when every check is recorded.</summary>
    public bool TraceEnabled { get; }

    /// <summary>The statements that determined the decision: the matching Denies, or the Allows that granted it.</summary>
    public List<StatementRef> Determining { get; } = [];

    /// <summary>Statements that could not be evaluated.</summary>
    public List<EvaluationError> Errors { get; } = [];

    /// <summary>The checks made, each recorded when it ended (empty unless <see cref="TraceEnabled"/>); see <see cref="TraceEvent"/>.</summary>
    public List<TraceEvent> Trace { get; } = [];

    /// <summary>Why the request was denied, in one sentence (empty when allowed).</summary>
    public string Summary { get; internal set; } = string.Empty;

    /// <summary>Forgets everything, so one collector can serve many requests.</summary>
    public void Clear()
    {
        Determining.Clear();
        Errors.Clear();
        Trace.Clear();
        Summary = string.Empty;
        nextId = 0;
    }

    // The id of a check about to begin, so that the checks inside it can name it as their parent.
    internal int Begin() => nextId++;
}
