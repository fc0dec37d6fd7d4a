using IamLab.Policy.Json;

namespace IamLab.Policy.Diagnostics;

/// <summary>
/// One finding about a policy: a stable code, a message that quotes the offending text, where it is
/// (a JSON path such as <c>Statement[0].Condition.StringEquals</c> and a line and column), and,
/// where one exists, a suggested replacement.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, string Path, SourcePosition Position, string? Suggestion = null)
{
    /// <summary>The name of <see cref="Severity.Error"/>.</summary>
    public const string ErrorName = "ERROR";

    /// <summary>The name of <see cref="Severity.SecurityWarning"/>.</summary>
    public const string SecurityWarningName = "SECURITY_WARNING";

    /// <summary>The name of <see cref="Severity.Warning"/>.</summary>
    public const string WarningName = "WARNING";

    /// <summary>The name of <see cref="Severity.Suggestion"/>.</summary>
    public const string SuggestionName = "SUGGESTION";

    /// <summary>The severity as Access Analyzer writes it: ERROR, SECURITY_WARNING, WARNING, SUGGESTION.</summary>
    public string SeverityName => Severity switch
    {
        Severity.Error => ErrorName,
        Severity.SecurityWarning => SecurityWarningName,
        Severity.Warning => WarningName,
        _ => SuggestionName,
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var hint = Suggestion is null ? string.Empty : $" Did you mean \"{Suggestion}\"?";
        return $"{Position} {SeverityName} {Code}: {Message}{hint} (at {Path})";
    }
}
