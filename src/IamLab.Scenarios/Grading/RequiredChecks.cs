using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// Applies <c>requires:</c>: a check that passed while a check it requires did not pass (failed, did not run, or is itself
/// unearned) becomes <see cref="CheckStatus.Unearned"/> and earns no points. The loader refuses unknown names and
/// circles, so following the requirements always ends.
/// </summary>
internal static class RequiredChecks
{
    public static List<CheckResult> Apply(IReadOnlyList<CheckSpec> checks, IReadOnlyList<CheckResult> results)
    {
        var specs = checks.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var byName = results.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var settled = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        return results.Select(r => Settle(r.Name)).ToList();

        CheckResult Settle(string name)
        {
            if (settled.TryGetValue(name, out var known))
            {
                return known;
            }

            var result = byName[name];
            if (result.Status == CheckStatus.Pass && specs.TryGetValue(name, out var spec) && spec.Requires.Count > 0)
            {
                var missing = spec.Requires.Where(r => byName.ContainsKey(r) && Settle(r).Status != CheckStatus.Pass).ToList();
                if (missing.Count > 0)
                {
                    result = result with
                    {
                        Status = CheckStatus.Unearned,
                        Message = $"Passed, but earns no points until {Names(missing)} {(missing.Count == 1 ? "passes" : "pass")}: a refusal counts only when the access it protects works.",
                        Explanation = [],
                    };
                }
            }

            settled[name] = result;
            return result;
        }
    }

    private static string Names(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
