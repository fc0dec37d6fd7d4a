using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// A role-settings file is applied by the scenario's user through the world's UpdateRole before the checks, so IAM's
/// limits hold: MaxSessionDuration 3600 to 43200 seconds, else AWS's ValidationError with its text (IAM API Reference,
/// UpdateRole: "Valid Range: Minimum value of 3600. Maximum value of 43200"), reported at the line and column of the value.
/// AssumeRole's DurationSeconds may then reach the new maximum and no further; a chained session is capped at one hour
/// whatever the maximum (IAM User Guide, "Methods to assume a role": "role chaining limits your AWS CLI or AWS API role
/// session to a maximum of one hour").
/// </summary>
public class RoleSettingsGradingTests
{
    private const string Yaml = """
        id: demo
        title: Demo
        files:
          - name: role-settings.json
            kind: role-settings
            as: arn:aws:iam::111111111111:user/admin
        world:
          accounts: ["111111111111"]
          users:
            - arn: arn:aws:iam::111111111111:user/admin
              policies:
                - managed: arn:aws:iam::aws:policy/AdministratorAccess
            - arn: arn:aws:iam::111111111111:user/intern
              policies:
                - document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: sts:AssumeRole, Resource: "*" } ] }
          roles:
            - arn: arn:aws:iam::111111111111:role/Job
              trust: { document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: { AWS: ["arn:aws:iam::111111111111:user/intern", "arn:aws:iam::111111111111:role/Hop"] }, Action: sts:AssumeRole } ] } }
            - arn: arn:aws:iam::111111111111:role/Hop
              trust: { document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: { AWS: "arn:aws:iam::111111111111:user/intern" }, Action: sts:AssumeRole } ] } }
              policies:
                - document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: sts:AssumeRole, Resource: "*" } ] }
        checks:
          - name: two-hours
            hint: h
            steps:
              - as: arn:aws:iam::111111111111:user/intern
                assumeRole: { roleArn: "arn:aws:iam::111111111111:role/Job", durationSeconds: 7200 }
            expect: allowed
          - name: not-a-second-more
            hint: h
            requires: [two-hours]
            steps:
              - as: arn:aws:iam::111111111111:user/intern
                assumeRole: { roleArn: "arn:aws:iam::111111111111:role/Job", durationSeconds: 7201 }
            expect: { error: ValidationError }
          - name: chained-two-hours
            hint: h
            steps:
              - as: arn:aws:iam::111111111111:user/intern
                assumeRole: { roleArn: "arn:aws:iam::111111111111:role/Hop" }
              - assumeRole: { roleArn: "arn:aws:iam::111111111111:role/Job", durationSeconds: 7200 }
            expect: allowed
        """;

    private static GradeReport Grade(string settings, string yaml = Yaml)
    {
        var loaded = ScenarioLoader.Parse(yaml, "demo/scenario.yaml", "demo");
        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        using var grader = new Grader(loaded.Scenario!);
        return grader.Grade(new Submission("learner", new Dictionary<string, string> { ["role-settings.json"] = settings }));
    }

    private static CheckResult Check(GradeReport report, string name) => report.Checks.Single(c => c.Name == name);

    [Fact]
    public void TwoHours_AllowsDurationSeconds7200_RefusesOneSecondMore()
    {
        var report = Grade("""[{"RoleName": "Job", "MaxSessionDuration": 7200}]""");

        Assert.Empty(report.Errors);
        Assert.Equal(CheckStatus.Pass, Check(report, "two-hours").Status);
        Assert.Equal(CheckStatus.Pass, Check(report, "not-a-second-more").Status);
        Assert.Equal("ValidationError, as expected.", Check(report, "not-a-second-more").Message);
    }

    [Fact]
    public void NothingSet_TheDefaultHourRefuses7200()
    {
        var report = Grade("[]");

        Assert.Empty(report.Errors);
        Assert.Equal(CheckStatus.Fail, Check(report, "two-hours").Status);
        Assert.Contains("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", string.Join("\n", Check(report, "two-hours").Explanation), StringComparison.Ordinal);
    }

    [Fact]
    public void ChainedSession_IsCappedAtOneHour_WhateverTheMaximum()
    {
        var report = Grade("""[{"RoleName": "Job", "MaxSessionDuration": 43200}]""");

        var chained = Check(report, "chained-two-hours");
        Assert.Equal(CheckStatus.Fail, chained.Status);
        Assert.Equal("Expected allowed, got ValidationError.", chained.Message);
        Assert.Contains("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", string.Join("\n", chained.Explanation), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50000, "Value '50000' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200")]
    [InlineData(3599, "Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600")]
    public void OutOfRange_IsAwsValidationError_AtTheValuesLine_AndNothingRuns(int seconds, string awsText)
    {
        var report = Grade($"[\n  {{ \"RoleName\": \"Job\",\n    \"MaxSessionDuration\": {seconds} }}\n]\n");

        var error = Assert.Single(report.Errors);
        Assert.Equal(GradingCodes.RoleSettingsValidationError, error.Code);
        Assert.Equal("ROLE_SETTINGS_VALIDATION_ERROR", error.Code);
        Assert.Equal((3, 27), (error.Line, error.Column));
        Assert.Equal("learner/role-settings.json", error.File);
        Assert.Equal($"The lab's IAM refused role-settings.json: UpdateRole of Job as arn:aws:iam::111111111111:user/admin: ValidationError: 1 validation error detected: {awsText}",
            error.Message);
        Assert.All(report.Checks, c => Assert.Equal(CheckStatus.NotRun, c.Status));
    }

    [Fact]
    public void UnknownRole_IsRefused_AtTheRoleName_WithIamsNoSuchEntity()
    {
        var report = Grade("""[{"RoleName": "Nope", "MaxSessionDuration": 7200}]""");

        var error = Assert.Single(report.Errors);
        Assert.Equal(GradingCodes.RoleSettingsRefused, error.Code);
        Assert.Equal((1, 15), (error.Line, error.Column));
        Assert.EndsWith("NoSuchEntity: The role with name Nope cannot be found.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheApplyingUser_IsAuthorized_AGuardedUserIsRefusedWithAccessDenied()
    {
        var yaml = Yaml.Replace("as: arn:aws:iam::111111111111:user/admin", "as: arn:aws:iam::111111111111:user/intern", StringComparison.Ordinal);

        var report = Grade("""[{"RoleName": "Job", "MaxSessionDuration": 7200}]""", yaml);

        var error = Assert.Single(report.Errors);
        Assert.Equal(GradingCodes.RoleSettingsRefused, error.Code);
        Assert.Contains("AccessDenied: User: arn:aws:iam::111111111111:user/intern is not authorized to perform: iam:UpdateRole on resource: arn:aws:iam::111111111111:role/Job",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_EveryProblemReported_WithLineColumnAndSuggestion()
    {
        var report = Grade("""
            [
              {"RoleName": "Job", "MaxSesionDuration": 7200},
              {"RoleName": "Job", "MaxSessionDuration": "3h"},
              "Job"
            ]
            """);

        Assert.All(report.Errors, e => Assert.Equal("ROLE_SETTINGS_INVALID", e.Code));
        Assert.Equal(
        [
            (2, 23, "\"MaxSesionDuration\" is not a field of an UpdateRole request here (RoleName, MaxSessionDuration, Description). Did you mean \"MaxSessionDuration\"?"),
            (2, 3, "The request changes nothing: give \"MaxSessionDuration\" (or \"Description\")."),
            (3, 45, "\"MaxSessionDuration\" is a whole number of seconds (3600 to 43200), not the string \"3h\"."),
            (4, 3, "An UpdateRole request is an object with \"RoleName\" and \"MaxSessionDuration\", not a string."),
        ], report.Errors.Select(e => (e.Line, e.Column, e.Message)));
    }

    [Fact]
    public void NotAnArray_IsRefusedWithTheExpectedShape()
    {
        var read = RoleSettingsFile.Read("""{"RoleName": "Job", "MaxSessionDuration": 7200}""");

        var problem = Assert.Single(read.Diagnostics);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("A role-settings file is an array of UpdateRole requests", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("not an object.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loader_RefusesARoleSettingsFileWithoutItsUser_AndAPolicyReferenceToIt()
    {
        var withoutAs = Yaml.Replace("    as: arn:aws:iam::111111111111:user/admin\n", string.Empty, StringComparison.Ordinal);
        var asPolicy = Yaml.Replace("- managed: arn:aws:iam::aws:policy/AdministratorAccess", "- file: role-settings.json", StringComparison.Ordinal);

        var missing = ScenarioLoader.Parse(withoutAs, "demo/scenario.yaml", "demo");
        var referenced = ScenarioLoader.Parse(asPolicy, "demo/scenario.yaml", "demo");

        Assert.Contains(missing.Problems, p => p.Code == ScenarioCodes.MissingField && p.Message.Contains("needs \"as\"", StringComparison.Ordinal));
        Assert.Contains(referenced.Problems, p => p.Code == ScenarioCodes.UnknownFile && p.Message.Contains("\"role-settings.json\" is not one of", StringComparison.Ordinal));
    }
}
