using IamLab.Policy.Json;
using IamLab.Policy.Matching;

namespace IamLab.Policy.Model;

/// <summary>One value of an Action or Resource element, as written and as a compiled pattern.</summary>
public sealed class PatternValue
{
    /// <summary>Makes a value.</summary>
    public PatternValue(string text, SourcePosition position, bool variablesEnabled)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Position = position;
        Template = variablesEnabled && text.Contains("${", StringComparison.Ordinal) ? PolicyTemplate.Parse(text) : null;
    }

    /// <summary>The value as the policy writes it.</summary>
    public string Text { get; }

    /// <summary>Where it is written.</summary>
    public SourcePosition Position { get; }

    /// <summary>The value's policy variables, when it has any and the policy's version replaces them.</summary>
    public PolicyTemplate? Template { get; }
}
