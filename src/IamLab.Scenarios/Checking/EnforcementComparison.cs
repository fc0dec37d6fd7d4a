using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Checking;

/// <summary>
/// Which of a scenario's checks an endpoint that enforces nothing gets wrong, and why: each check graded by the lab's
/// grader (the same one as <c>iamlab grade</c>) beside the answer of an endpoint that authorizes nothing. LocalStack's
/// free edition serves IAM and STS through moto, which evaluates no policy, condition or root-user rule: every call it
/// can parse succeeds (measured against moto 5.2 by <c>iamlab endpoint check</c>, localstack/README.md). So there a
/// check that expects <c>allowed</c> comes out right, and every check that expects a refusal comes out wrong: the
/// rule the lab applied is the reason.
/// </summary>
/// <remarks>
/// Checks of security findings (<c>noFindings</c>) ask no endpoint anything and are left out; so are hidden checks.
/// A check whose earlier step the lab refused is shown with the lab's message; the other endpoint lets every step through.
/// </remarks>
public static class EnforcementComparison
{
    /// <summary>What an endpoint that enforces nothing answers every call.</summary>
    public const string Allowed = "allowed";

    /// <summary>Grades <paramref name="submission"/> against <paramref name="scenario"/>'s checks and sets each beside the permissive answer.</summary>
    /// <returns>One row per check that asks the endpoint something, in the scenario's order; empty when the submission cannot be graded.</returns>
    public static IReadOnlyList<EnforcementRow> Compare(Scenario scenario, Submission submission)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(submission);
        using var grader = new Grader(scenario);
        var results = grader.Grade(submission).Checks.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var rows = new List<EnforcementRow>();
        foreach (var check in scenario.Checks.Where(c => c.Expect is not null && results.ContainsKey(c.Name)))
        {
            var lab = results[check.Name];
            var labRight = lab.Status is CheckStatus.Pass or CheckStatus.Unearned;
            var permissiveRight = check.Expect!.Kind == ExpectKind.Allowed;
            var why = labRight == permissiveRight ? string.Empty
                : permissiveRight ? $"the lab answered {lab.Message} The rule it applies: {check.HintAt(2)}"
                : $"the lab refused it ({Outcome(lab.Message)}) by this rule, which an endpoint that evaluates no policy never applies: {check.HintAt(2)}";
            rows.Add(new EnforcementRow(check.Name, check.Expect.ToString(), lab.Message, labRight, Allowed, permissiveRight, why));
        }

        return rows;
    }

    // "implicitDeny, as expected." -> "implicitDeny"; a failed check's message is kept whole.
    private static string Outcome(string message) =>
        message.EndsWith(", as expected.", StringComparison.Ordinal) ? message[..^", as expected.".Length] : message;

    /// <summary>
    /// The rows for the scenario in <paramref name="scenarioDirectory"/>, with its reference solution (its starter when the
    /// folder has no solution, as in a class's export); null when the scenario or the files cannot be read.
    /// </summary>
    public static IReadOnlyList<EnforcementRow>? Compare(string scenarioDirectory)
    {
        ArgumentNullException.ThrowIfNull(scenarioDirectory);
        var loaded = Loading.ScenarioLoader.Load(scenarioDirectory);
        if (!loaded.IsSuccess)
        {
            return null;
        }

        var solution = Path.Combine(scenarioDirectory, "solution");
        var folder = Directory.Exists(solution) ? solution : Path.Combine(scenarioDirectory, "starter");
        var (submission, _) = SubmissionLoader.Load(loaded.Scenario!, folder);
        return submission is null ? null : Compare(loaded.Scenario!, submission);
    }
}
