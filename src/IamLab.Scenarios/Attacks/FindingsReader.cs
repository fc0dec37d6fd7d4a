using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Attacks;

/// <summary>
/// Reads a learner's findings file (docs/scenario-format.md, "Findings files"): a mapping of the fields of
/// <see cref="FindingsFile.Fields"/>, each one value; a field left out or empty names nothing.
/// </summary>
public static class FindingsReader
{
    /// <summary>Reads <paramref name="text"/> (the file at <paramref name="path"/>); the findings are null when any problem was found.</summary>
    public static (FindingsFile? Findings, IReadOnlyList<ScenarioProblem> Problems) Read(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = LearnerYaml.Parse(text, path);
        if (!LearnerYaml.HasRoot(source))
        {
            return (null, LearnerYaml.Problems(source));
        }

        var fields = new YamlFields(source.Root, "findings", source, [.. FindingsFile.Fields]);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in FindingsFile.Fields)
        {
            if (fields.Has(name) && fields.String(name) is { } value)
            {
                values[name] = value;
            }
        }

        var problems = LearnerYaml.Problems(source);
        return (problems.Count == 0 ? new FindingsFile(values) : null, problems);
    }
}
