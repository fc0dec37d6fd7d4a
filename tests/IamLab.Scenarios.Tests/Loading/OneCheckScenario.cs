namespace IamLab.Scenarios.Tests.Loading;

/// <summary>
/// The small scenario the step-field tests read (<c>after:</c>, <c>mfa:</c>): user dev in account 111111111111, role R
/// whose trust is the learner's trust-policy.json, and one check whose steps the test writes. The steps start on line 17
/// of the file, so the tests' problem positions are lines of this text.
/// </summary>
internal static class OneCheckScenario
{
    private const string Head = """
        id: demo
        title: Demo
        files:
          - name: trust-policy.json
            kind: trust
        world:
          accounts: ["111111111111"]
          users:
            - arn: arn:aws:iam::111111111111:user/dev
          roles:
            - arn: arn:aws:iam::111111111111:role/R
              trust: { file: trust-policy.json }
        checks:
          - name: works
            hint: h
            steps:

        """;

    /// <summary>The scenario's text with <paramref name="steps"/> (a YAML list written from column 0) as the check's steps; the check expects allowed.</summary>
    public static string WithSteps(string steps) =>
        Head + string.Join('\n', steps.Split('\n').Select(l => "      " + l)) + "\n    expect: allowed\n";
}
