namespace IamLab.Policy.Model;

/// <summary>A parsed condition operator such as <c>ForAnyValue:StringLikeIfExists</c>.</summary>
public sealed record ConditionOperator(string Name, OperatorKind Kind, SetQualifier Qualifier, bool IfExists)
{
    private static readonly Dictionary<string, OperatorKind> Kinds =
        Enum.GetValues<OperatorKind>().ToDictionary(k => k.ToString(), k => k, StringComparer.Ordinal);

    /// <summary>Every base operator name, for "did you mean" help.</summary>
    public static IEnumerable<string> KnownNames => Kinds.Keys;

    /// <summary>True for the operators whose result is the negation of a positive comparison.</summary>
    public bool IsNegated => Kind is OperatorKind.StringNotEquals or OperatorKind.StringNotEqualsIgnoreCase or OperatorKind.StringNotLike
        or OperatorKind.NumericNotEquals or OperatorKind.DateNotEquals or OperatorKind.NotIpAddress or OperatorKind.ArnNotEquals or OperatorKind.ArnNotLike;

    /// <summary>Parses an operator name; returns null when it is not one AWS knows.</summary>
    public static ConditionOperator? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rest = name;
        var qualifier = SetQualifier.None;
        if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }
        else if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }

        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists)
        {
            rest = rest[..^"IfExists".Length];
        }

        if (!Kinds.TryGetValue(rest, out var kind) || (kind == OperatorKind.Null && (ifExists || qualifier != SetQualifier.None)))
        {
            return null;
        }

        return new ConditionOperator(name, kind, qualifier, ifExists);
    }

    /// <summary>The base name a misspelt operator most likely meant, keeping its prefix and suffix.</summary>
    public static string? SuggestFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var prefix = string.Empty;
        var rest = name;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var qualifier = Diagnostics.Suggestions.Nearest(rest[..colon], ["ForAllValues", "ForAnyValue"]);
            if (qualifier is null)
            {
                return null;
            }

            prefix = qualifier + ":";
            rest = rest[(colon + 1)..];
        }

        var suffix = string.Empty;
        if (rest.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase))
        {
            suffix = "IfExists";
            rest = rest[..^8];
        }

        var baseName = Diagnostics.Suggestions.Nearest(rest, KnownNames);
        return baseName is null ? null : prefix + baseName + suffix;
    }
}
