using IamLab.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace IamLab.Scenarios.Loading;

/// <summary>
/// Checks the <c>requires:</c> lists of a file's checks: every name is a check of the scenario (or of the same file),
/// and no checks require each other in a circle (none of them could ever earn its points).
/// </summary>
internal static class RequiresGraph
{
    public static void Check(IReadOnlyList<CheckSpec> checks, IReadOnlyList<CheckSpec> earlier, IReadOnlyDictionary<string, IReadOnlyList<YamlNode>> nodes,
        YamlSource source)
    {
        var known = earlier.Select(c => c.Name).Concat(checks.Select(c => c.Name)).ToList();
        foreach (var check in checks)
        {
            var items = nodes.GetValueOrDefault(check.Name) ?? [];
            for (var i = 0; i < check.Requires.Count && i < items.Count; i++)
            {
                var name = check.Requires[i];
                if (known.Contains(name, StringComparer.Ordinal))
                {
                    continue;
                }

                var near = YamlFields.Nearest(name, known);
                source.Report(ScenarioCodes.UnknownCheck,
                    $"The check \"{check.Name}\" requires \"{name}\", which is not a check of this scenario{(near is null ? "." : $"; did you mean \"{near}\"?")}",
                    items[i]);
            }
        }

        ReportCycles(checks, nodes, source);
    }

    private static void ReportCycles(IReadOnlyList<CheckSpec> checks, IReadOnlyDictionary<string, IReadOnlyList<YamlNode>> nodes, YamlSource source)
    {
        var byName = checks.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var check in checks)
        {
            Visit(check.Name);
        }

        void Visit(string name)
        {
            if (done.Contains(name) || !byName.TryGetValue(name, out var check))
            {
                return;
            }

            path.Add(name);
            for (var i = 0; i < check.Requires.Count; i++)
            {
                var next = check.Requires[i];
                var at = path.IndexOf(next);
                if (at >= 0)
                {
                    var circle = string.Join(" → ", path.Skip(at).Append(next));
                    var items = nodes.GetValueOrDefault(name) ?? [];
                    source.Problems.Add(new ScenarioProblem(ScenarioCodes.RequiresCycle,
                        $"The checks {circle} require each other in a circle, so none of them could ever earn its points.",
                        i < items.Count ? source.SpotOf(items[i]) : check.Spot));
                    continue;
                }

                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(name);
        }
    }
}
