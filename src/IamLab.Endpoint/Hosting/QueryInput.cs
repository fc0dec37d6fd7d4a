using System.Globalization;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// Reads the parameters of one Query request (STS, IAM) and collects every constraint failure, worded as AWS's
/// services word them: <c>1 validation error detected: Value null at 'roleArn' failed to satisfy constraint:
/// Member must not be null</c>, several joined by <c>; </c>.
/// </summary>
public sealed class QueryInput
{
    private readonly QueryRequest _request;
    private readonly List<string> _failures = [];

    /// <summary>Wraps a parsed request.</summary>
    /// <param name="request">The request.</param>
    public QueryInput(QueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
    }

    /// <summary>The request.</summary>
    public QueryRequest Request => _request;

    /// <summary>The <c>ValidationError</c> (400) for every failure so far, or null when there is none.</summary>
    public AwsError? Error => _failures.Count == 0
        ? null
        : new AwsError("ValidationError", $"{_failures.Count} validation error{(_failures.Count == 1 ? string.Empty : "s")} detected: {string.Join("; ", _failures)}", 400);

    /// <summary>A required string; records "Member must not be null" when absent.</summary>
    /// <param name="name">The parameter name, e.g. <c>RoleArn</c>.</param>
    /// <returns>The value, or an empty string when absent (the error is then recorded).</returns>
    public string Required(string name)
    {
        var value = _request.Get(name);
        if (value is null)
        {
            _failures.Add($"Value null at '{Member(name)}' failed to satisfy constraint: Member must not be null");
            return string.Empty;
        }

        return value;
    }

    /// <summary>An optional string.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value or null.</returns>
    public string? Optional(string name) => _request.Get(name);

    /// <summary>An optional integer; records a failure when present but not a number.</summary>
    /// <param name="name">The parameter name, e.g. <c>DurationSeconds</c>.</param>
    /// <returns>The number or null.</returns>
    public int? Integer(string name)
    {
        var value = _request.Get(name);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        // Not sure of AWS's exact wording for a non-numeric integer parameter; this follows its validation style.
        _failures.Add($"Value '{value}' at '{Member(name)}' failed to satisfy constraint: Member must be a number");
        return null;
    }

    /// <summary>An optional boolean (<c>true</c>/<c>false</c>, any case); records a failure otherwise.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value or null.</returns>
    public bool? Boolean(string name)
    {
        var value = _request.Get(name);
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        _failures.Add($"Value '{value}' at '{Member(name)}' failed to satisfy constraint: Member must be a boolean");
        return null;
    }

    /// <summary>A list of scalars (<c>Name.member.N</c>).</summary>
    /// <param name="name">The list name.</param>
    /// <returns>The values, empty when absent.</returns>
    public IReadOnlyList<string> Members(string name) => _request.GetMembers(name);

    /// <summary>A list of structures (<c>Name.member.N.Field</c>).</summary>
    /// <param name="name">The list name.</param>
    /// <returns>The entries, empty when absent.</returns>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Structs(string name) => _request.GetMemberStructs(name);

    /// <summary>Records a failure of the caller's own (e.g. a list that is required and empty).</summary>
    /// <param name="value">The value as sent, or null.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="constraint">The constraint, e.g. <c>Member must not be null</c>.</param>
    public void Fail(string? value, string name, string constraint) =>
        _failures.Add($"Value {(value is null ? "null" : $"'{value}'")} at '{Member(name)}' failed to satisfy constraint: {constraint}");

    // AWS names members in camel case in these messages: RoleArn -> roleArn, SAMLAssertion -> sAMLAssertion.
    private static string Member(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
