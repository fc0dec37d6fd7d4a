using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Checking;

/// <summary>
/// The empty submission <c>iamlab check</c> grades: every policy file the scenario names holds <see cref="Text"/>, a valid
/// policy with no statement, which grants nothing; every role-settings file <see cref="RoleSettingsFile.EmptyText"/>, which
/// changes nothing; an attack file starts from its foothold and makes no call; a findings file names nothing. It must
/// score exactly 0 points, like the starter.
/// </summary>
public static class EmptySubmission
{
    /// <summary>The text of every file of the empty submission.</summary>
    public const string Text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n";

    /// <summary>The empty submission for <paramref name="scenario"/>; <paramref name="directory"/> names it in reports.</summary>
    public static Submission For(Scenario scenario, string directory = "(empty submission)")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new Submission(directory, scenario.Files.ToDictionary(f => f.Name, f => f.Form switch
        {
            FileForm.Attack => $"from: \"{scenario.Challenges.First(c => c.File == f.Name).Foothold.Text}\"\nsteps: []\n",
            FileForm.Findings => "{}\n",
            FileForm.RoleSettings => RoleSettingsFile.EmptyText,
            _ => Text,
        }, StringComparer.Ordinal));
    }
}
