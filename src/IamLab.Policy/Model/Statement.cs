using IamLab.Policy.Json;

namespace IamLab.Policy.Model;

/// <summary>One statement of a policy.</summary>
public sealed class Statement
{
    /// <summary>Makes a statement.</summary>
    public Statement(int index, string? sid, Effect effect, PrincipalElement? principal, ValueList? action, ValueList? resource, IReadOnlyList<Condition> conditions, SourcePosition position)
    {
        Index = index;
        Sid = sid;
        Effect = effect;
        Principal = principal;
        Action = action;
        Resource = resource;
        Conditions = conditions;
        Position = position;
    }

    /// <summary>The statement's place in the policy, from zero.</summary>
    public int Index { get; }

    /// <summary>The statement id, if any.</summary>
    public string? Sid { get; }

    /// <summary>Allow or Deny.</summary>
    public Effect Effect { get; }

    /// <summary>Principal or NotPrincipal, for resource-based and trust policies.</summary>
    public PrincipalElement? Principal { get; }

    /// <summary>Action or NotAction. Null only when the statement was read with an error.</summary>
    public ValueList? Action { get; }

    /// <summary>Resource or NotResource; absent in trust policies, where it means the role itself.</summary>
    public ValueList? Resource { get; }

    /// <summary>The conditions; all must hold (AND).</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    /// <summary>Where the statement starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>False when the reader found an error in this statement: it can never allow, but may still deny.</summary>
    public bool IsWellFormed { get; internal set; } = true;
}
