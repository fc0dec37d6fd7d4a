using System.Globalization;
using IamLab.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace IamLab.Scenarios.Loading;

/// <summary>
/// Reads the fields of one YAML mapping, reporting unknown, missing and mistyped fields with their line and column
/// into a shared problem list, so that every mistake of a file is reported, not just the first.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode node;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> fields = new(StringComparer.Ordinal);

    public YamlFields(YamlNode? node, string what, YamlSource source, params string[] allowed)
        : this(node, source, new FieldRules(what, allowed))
    {
    }

    public YamlFields(YamlNode? node, YamlSource source, FieldRules rules)
    {
        Source = source;
        if (node is not YamlMappingNode map)
        {
            this.node = new YamlMappingNode();
            if (node is not null)
            {
                source.Report(ScenarioCodes.WrongType, $"{rules.What} must be a mapping (key: value lines).", node);
            }

            return;
        }

        this.node = map;
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (rules.Refused.TryGetValue(name, out var refused))
            {
                source.Report(rules.RefusedCode, refused, key);
                Rejected++;
                continue;
            }

            if (!rules.Allowed.Contains(name, StringComparer.Ordinal))
            {
                var near = Nearest(name, rules.Allowed);
                source.Report(rules.UnknownCode, rules.UnknownMessage?.Invoke(name, near)
                    ?? $"\"{name}\" is not a field of {rules.What}{(near is null ? "" : $"; did you mean \"{near}\"?")} (fields: {string.Join(", ", rules.Allowed)}).", key);
                Rejected++;
                continue;
            }

            if (!fields.TryAdd(name, (key, value)))
            {
                source.Report(ScenarioCodes.DuplicateField, $"\"{name}\" appears more than once in {rules.What}.", key);
            }
        }
    }

    public YamlSource Source { get; }

    /// <summary>How many keys of the mapping were refused or unknown (each already reported).</summary>
    public int Rejected { get; private set; }

    public YamlNode Self => node;

    public SourceSpot Spot => Source.SpotOf(node);

    public bool Has(string key) => fields.ContainsKey(key);

    public YamlNode? Node(string key) => fields.TryGetValue(key, out var found) ? found.Value : null;

    public string? String(string key, bool required = false)
    {
        if (!fields.TryGetValue(key, out var found))
        {
            if (required)
            {
                Source.Report(ScenarioCodes.MissingField, $"The field \"{key}\" is required here.", node);
            }

            return null;
        }

        if (found.Value is YamlScalarNode scalar && scalar.Value is not null)
        {
            return scalar.Value;
        }

        Source.Report(ScenarioCodes.WrongType, $"\"{key}\" must be a single value (text), not a list or mapping.", found.Value);
        return null;
    }

    public int? Int(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Source.Report(ScenarioCodes.WrongType, $"\"{key}\" must be a whole number, not \"{text}\".", fields[key].Value);
        return null;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Source.Report(ScenarioCodes.WrongType, $"\"{key}\" must be true or false, not \"{text}\".", fields[key].Value);
        return null;
    }

    public DateTimeOffset? Time(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            if (value >= ScenarioClock.End)
            {
                Source.Report(ScenarioCodes.InvalidValue, $"\"{key}\" must be before {ScenarioClock.EndText} ({ScenarioClock.Why}), not \"{text}\".", fields[key].Value);
                return null;
            }

            return value;
        }

        Source.Report(ScenarioCodes.WrongType, $"\"{key}\" must be a time such as 2026-01-15T12:00:00Z, not \"{text}\".", fields[key].Value);
        return null;
    }

    public IReadOnlyList<YamlNode> List(string key, bool required = false)
    {
        if (!fields.TryGetValue(key, out var found))
        {
            if (required)
            {
                Source.Report(ScenarioCodes.MissingField, $"The field \"{key}\" is required here.", node);
            }

            return [];
        }

        if (found.Value is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Source.Report(ScenarioCodes.WrongType, $"\"{key}\" must be a list.", found.Value);
        return [];
    }

    public IReadOnlyList<string> Strings(string key)
    {
        var values = new List<string>();
        foreach (var item in List(key))
        {
            if (item is YamlScalarNode { Value: { } text })
            {
                values.Add(text);
            }
            else
            {
                Source.Report(ScenarioCodes.WrongType, $"Every item of \"{key}\" must be a single value.", item);
            }
        }

        return values;
    }

    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Node(key) is not { } value)
        {
            return map;
        }

        if (value is not YamlMappingNode mapping)
        {
            Source.Report(ScenarioCodes.WrongType, $"\"{key}\" must be a mapping of names to values.", value);
            return map;
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && v is YamlScalarNode { Value: { } text })
            {
                map[name] = text;
            }
            else
            {
                Source.Report(ScenarioCodes.WrongType, $"Every entry of \"{key}\" must be name: value.", k);
            }
        }

        return map;
    }

    public IReadOnlyDictionary<string, string[]> Context(string key)
    {
        var map = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (Node(key) is not { } value)
        {
            return map;
        }

        if (value is not YamlMappingNode mapping)
        {
            Source.Report(ScenarioCodes.WrongType, $"\"{key}\" must be a mapping of condition keys to values.", value);
            return map;
        }

        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            switch (v)
            {
                case YamlScalarNode { Value: { } text }:
                    map[name] = [text];
                    break;
                case YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode { Value: not null }):
                    map[name] = list.Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();
                    break;
                default:
                    Source.Report(ScenarioCodes.WrongType, $"The condition key \"{name}\" must have a value or a list of values.", v);
                    break;
            }
        }

        return map;
    }

    /// <summary>The allowed name closest to <paramref name="name"/> (at most two edits away), for a "did you mean".</summary>
    public static string? Nearest(string name, IEnumerable<string> allowed) =>
        allowed.Select(a => (a, d: Distance(name.ToLowerInvariant(), a.ToLowerInvariant()))).Where(x => x.d <= 2).OrderBy(x => x.d).Select(x => x.a).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var kept = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = kept;
            }
        }

        return row[b.Length];
    }
}
