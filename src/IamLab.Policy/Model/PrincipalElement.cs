using IamLab.Policy.Json;

namespace IamLab.Policy.Model;

/// <summary>A Principal or NotPrincipal element: <c>"*"</c>, or principals grouped by type.</summary>
public sealed class PrincipalElement
{
    /// <summary>Makes a principal element.</summary>
    public PrincipalElement(bool isNot, bool isWildcard, IReadOnlyList<PrincipalValue> values, SourcePosition position)
    {
        IsNot = isNot;
        IsWildcard = isWildcard;
        Values = values;
        Position = position;
    }

    /// <summary>True for NotPrincipal.</summary>
    public bool IsNot { get; }

    /// <summary>True for <c>"Principal": "*"</c>, which names everyone including anonymous callers.</summary>
    public bool IsWildcard { get; }

    /// <summary>The principals named (empty for the bare wildcard).</summary>
    public IReadOnlyList<PrincipalValue> Values { get; }

    /// <summary>Where the element's value starts.</summary>
    public SourcePosition Position { get; }
}
