using IamLab.Policy.Diagnostics;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;

namespace IamLab.Policy.Reading;

/// <summary>Finds actions that another wildcard in the same list already covers.</summary>
internal static class RedundantActions
{
    public static void Report(List<PatternValue> values, string path, List<Diagnostic> diagnostics)
    {
        if (values.Count > 100)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            for (var j = 0; j < values.Count; j++)
            {
                var covered = values[i].Text;
                var cover = values[j].Text;
                if (i != j && Wildcard.HasWildcard(cover) && !string.Equals(covered, cover, StringComparison.OrdinalIgnoreCase)
                    && Wildcard.IsMatch(cover, covered, ignoreCase: true))
                {
                    diagnostics.Add(Findings.RedundantAction(covered, cover, $"{path}[{i}]", values[i].Position));
                    break;
                }
            }
        }
    }
}
