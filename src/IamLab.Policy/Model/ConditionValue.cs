using IamLab.Policy.Json;
using IamLab.Policy.Matching;

namespace IamLab.Policy.Model;

/// <summary>
/// One value of a condition, as written and, for the typed operators, as parsed once when the policy
/// is read (a number, a date, an IP block or bytes). <see cref="IsValid"/> is false when the text does
/// not parse for its operator; such a value never matches.
/// </summary>
public sealed class ConditionValue
{
    /// <summary>Makes a condition value.</summary>
    public ConditionValue(string text, SourcePosition position)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Position = position;
        IsValid = true;
    }

    /// <summary>The value as written.</summary>
    public string Text { get; }

    /// <summary>Where it is written.</summary>
    public SourcePosition Position { get; }

    /// <summary>True when the value parses for its operator.</summary>
    public bool IsValid { get; internal set; }

    /// <summary>The value's policy variables, for String and Arn operators in a 2012-10-17 policy.</summary>
    public PolicyTemplate? Template { get; internal set; }

    /// <summary>The number, for Numeric operators.</summary>
    public double Number { get; internal set; }

    /// <summary>The instant, for Date operators.</summary>
    public DateTimeOffset Date { get; internal set; }

    /// <summary>The block, for IpAddress and NotIpAddress.</summary>
    public IpNetwork Network { get; internal set; }

    /// <summary>The bytes, for BinaryEquals.</summary>
    public byte[]? Binary { get; internal set; }
}
