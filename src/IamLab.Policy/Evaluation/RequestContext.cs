using IamLab.Policy.Matching;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// The condition keys of a request and their values. Key names compare case-insensitively, as in AWS;
/// values keep their case. A key may hold several values (multivalued keys such as <c>aws:TagKeys</c>).
/// </summary>
public sealed class RequestContext : IContextValues
{
    private readonly Dictionary<string, string[]> values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The keys present, as first written.</summary>
    public IEnumerable<string> Keys => values.Keys;

    /// <summary>The number of keys.</summary>
    public int Count => values.Count;

    /// <summary>Sets a key to one or more values, replacing what it held.</summary>
    public RequestContext Set(string key, params string[] keyValues)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(keyValues);
        values[key] = keyValues;
        return this;
    }

    /// <summary>Sets a key only when the request does not already hold it.</summary>
    public void SetDefault(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        values.TryAdd(key, [value]);
    }

    /// <summary>Removes a key.</summary>
    public void Remove(string key) => values.Remove(key);

    /// <inheritdoc />
    public IReadOnlyList<string>? Lookup(string key) => values.TryGetValue(key, out var found) ? found : null;

    /// <summary>A copy of this context.</summary>
    public RequestContext Clone()
    {
        var copy = new RequestContext();
        foreach (var (key, keyValues) in values)
        {
            copy.values[key] = keyValues;
        }

        return copy;
    }
}
