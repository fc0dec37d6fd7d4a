using System.Globalization;

namespace IamLab.World.Errors;

/// <summary>
/// Collects AWS's parameter constraint failures and words them as AWS does:
/// <c>1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: ...</c>,
/// several joined by "; ".
/// </summary>
public sealed class ValidationErrors
{
    private readonly List<string> failures = [];

    /// <summary>True when a constraint failed.</summary>
    public bool Any => failures.Count > 0;

    /// <summary>Records that <paramref name="value"/> at <paramref name="member"/> broke <paramref name="constraint"/>.</summary>
    public void Add(string? value, string member, string constraint) =>
        failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    /// <summary>Checks a string's length.</summary>
    public void Length(string? value, string member, int min, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < min)
        {
            Add(value, member, $"Member must have length greater than or equal to {min}");
        }
        else if (value.Length > max)
        {
            Add(value, member, $"Member must have length less than or equal to {max}");
        }
    }

    /// <summary>Checks a number's range.</summary>
    public void Range(int? value, string member, int min, int max)
    {
        if (value is null)
        {
            return;
        }

        var text = value.Value.ToString(CultureInfo.InvariantCulture);
        if (value < min)
        {
            Add(text, member, $"Member must have value greater than or equal to {min}");
        }
        else if (value > max)
        {
            Add(text, member, $"Member must have value less than or equal to {max}");
        }
    }

    /// <summary>Checks a string against AWS's pattern, given as AWS writes it and as a .NET regex.</summary>
    public void Pattern(string? value, string member, string awsPattern, System.Text.RegularExpressions.Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        if (value is not null && !regex.IsMatch(value))
        {
            Add(value, member, $"Member must satisfy regular expression pattern: {awsPattern}");
        }
    }

    /// <summary>The ValidationError AWS returns, or null when nothing failed.</summary>
    public IamError? ToError()
    {
        if (failures.Count == 0)
        {
            return null;
        }

        var noun = failures.Count == 1 ? "error" : "errors";
        return new IamError("ValidationError", $"{failures.Count} validation {noun} detected: {string.Join("; ", failures)}", 400);
    }
}
