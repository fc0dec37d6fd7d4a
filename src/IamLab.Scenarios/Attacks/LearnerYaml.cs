using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Attacks;

/// <summary>
/// Reads a learner's YAML file (attack or findings) with the scenario loader's field reader, within the guard's limits,
/// and gives its problems the learner file's codes (<see cref="LabFileCodes"/>) instead of the scenario's.
/// </summary>
internal static class LearnerYaml
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        [ScenarioCodes.Empty] = LabFileCodes.Empty,
        [ScenarioCodes.YamlSyntax] = LabFileCodes.YamlSyntax,
        [ScenarioCodes.ExtraDocument] = LabFileCodes.ExtraDocument,
        [ScenarioCodes.WrongType] = LabFileCodes.WrongType,
        [ScenarioCodes.UnknownField] = LabFileCodes.UnknownField,
        [ScenarioCodes.DuplicateField] = LabFileCodes.DuplicateField,
        [ScenarioCodes.MissingField] = LabFileCodes.MissingField,
        [ScenarioCodes.InvalidValue] = LabFileCodes.InvalidValue,
    };

    /// <summary>Parses <paramref name="text"/>; the root is null when the file cannot be read at all (see the source's problems).</summary>
    public static YamlSource Parse(string text, string path)
    {
        if (YamlGuard.Check(text, path) is { } tooLarge)
        {
            var refused = YamlSource.Parse(path, string.Empty);
            refused.Problems.Clear();
            refused.Problems.Add(tooLarge);
            return refused;
        }

        return YamlSource.Parse(path, text);
    }

    /// <summary>True when the root was read (it may still have problems).</summary>
    public static bool HasRoot(YamlSource source) => source.Root is not null && source.Problems.All(p => p.Code != LabFileCodes.TooLarge);

    /// <summary>The problems of <paramref name="source"/> with the learner file's codes.</summary>
    public static IReadOnlyList<ScenarioProblem> Problems(YamlSource source) =>
        source.Problems.Select(p => Codes.TryGetValue(p.Code, out var code) ? p with { Code = code } : p).ToList();
}
