using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Loading;

/// <summary>The texts of a scenario's files in one of its folders (<c>starter</c>, <c>solution</c>), for the notebook and labs commands that start a scenario's world.</summary>
public static class ScenarioFolderTexts
{
    /// <summary>Each of <paramref name="scenario"/>'s files that exists in <paramref name="folder"/>, by file name.</summary>
    public static Dictionary<string, string> Read(Scenario scenario, string folder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in scenario.Files)
        {
            var path = Path.Combine(scenario.Directory, folder, file.Name);
            if (File.Exists(path))
            {
                texts[file.Name] = File.ReadAllText(path);
            }
        }

        return texts;
    }
}
