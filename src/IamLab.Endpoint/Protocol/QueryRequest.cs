using System.Globalization;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// A decoded AWS Query protocol request (<c>Action=AssumeRole&amp;Version=2011-06-15&amp;…</c>): the action, the
/// version and every parameter, with helpers for the protocol's flattened lists
/// (<c>PolicyArns.member.1.arn</c>, <c>TransitiveTagKeys.member.1</c>, EC2's <c>InstanceId.1</c>).
/// </summary>
public sealed class QueryRequest
{
    private readonly Dictionary<string, string> _parameters;

    internal QueryRequest(string action, string? version, Dictionary<string, string> parameters)
    {
        Action = action;
        Version = version;
        _parameters = parameters;
    }

    /// <summary>The <c>Action</c> parameter.</summary>
    public string Action { get; }

    /// <summary>The <c>Version</c> parameter, or null when absent.</summary>
    public string? Version { get; }

    /// <summary>Every parameter, <c>Action</c> and <c>Version</c> included; names are case-sensitive as in AWS.</summary>
    public IReadOnlyDictionary<string, string> Parameters => _parameters;

    /// <summary>A parameter's value, or null when absent.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value or null.</returns>
    public string? Get(string name) => _parameters.GetValueOrDefault(name);

    /// <summary>Checks that every named parameter is present and non-empty.</summary>
    /// <param name="names">The required parameter names, in the order to report them.</param>
    /// <returns>A <c>MissingParameter</c> error for the first absent one, or null when all are present.</returns>
    public AwsError? Require(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(Get(name)))
            {
                return QueryErrors.MissingParameter(name);
            }
        }

        return null;
    }

    /// <summary>The values of a list of scalars, <c>name.member.1</c>, <c>name.member.2</c>, … in index order.</summary>
    /// <param name="listName">The list parameter, e.g. <c>TransitiveTagKeys</c>.</param>
    /// <returns>The values; empty when the list is absent.</returns>
    public IReadOnlyList<string> GetMembers(string listName) => Scalars(listName + ".member.");

    /// <summary>The entries of a list of structures, <c>name.member.N.Field</c>, each as a field → value map.</summary>
    /// <param name="listName">The list parameter, e.g. <c>Tags</c> or <c>PolicyArns</c>.</param>
    /// <returns>One map per index, in index order.</returns>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> GetMemberStructs(string listName) => Structs(listName + ".member.");

    /// <summary>EC2's flattened scalar lists, <c>name.1</c>, <c>name.2</c>, … in index order.</summary>
    /// <param name="listName">The list parameter, e.g. <c>InstanceId</c>.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<string> GetIndexed(string listName) => Scalars(listName + ".");

    /// <summary>EC2's flattened structure lists, <c>name.N.Field</c> (nested lists keep their suffix, e.g. <c>Value.1</c>).</summary>
    /// <param name="listName">The list parameter, e.g. <c>Filter</c>.</param>
    /// <returns>One map per index, in index order.</returns>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> GetIndexedStructs(string listName) => Structs(listName + ".");

    private List<string> Scalars(string prefix) =>
        [.. Entries(prefix).Where(e => e.Field.Length == 0).OrderBy(e => e.Index).Select(e => e.Value)];

    private List<IReadOnlyDictionary<string, string>> Structs(string prefix) =>
        [.. Entries(prefix)
            .Where(e => e.Field.Length > 0)
            .GroupBy(e => e.Index)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyDictionary<string, string>)g.ToDictionary(e => e.Field, e => e.Value, StringComparer.Ordinal))];

    private IEnumerable<(int Index, string Field, string Value)> Entries(string prefix)
    {
        foreach (var (name, value) in _parameters)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = name[prefix.Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var indexText = dot < 0 ? rest : rest[..dot];
            if (int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0)
            {
                yield return (index, dot < 0 ? string.Empty : rest[(dot + 1)..], value);
            }
        }
    }
}
