using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// A step's <c>after:</c> moves the world's clock forward before the step: a one-hour session still works 59 minutes on and
/// is expired (ExpiredToken) 61 minutes on, and a session made after the clock moved is issued at the later time, which is
/// what <c>aws:TokenIssueTime</c> then carries (IAM User Guide, reference_policies_condition-keys, aws:TokenIssueTime;
/// AWSRevokeOlderSessions in id_roles_revoke-sessions).
/// </summary>
public class StepAfterGradingTests
{
    private const string Yaml = """
        id: demo
        title: Demo
        clock: 2026-01-15T12:00:00Z
        files:
          - name: role-policy.json
            kind: identity
        world:
          accounts: ["111111111111"]
          users:
            - arn: arn:aws:iam::111111111111:user/dev
              policies:
                - document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: sts:AssumeRole, Resource: "*" } ] }
          roles:
            - arn: arn:aws:iam::111111111111:role/R
              trust:
                document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: { AWS: "arn:aws:iam::111111111111:user/dev" }, Action: sts:AssumeRole } ] }
              policies:
                - file: role-policy.json
        checks:
          - name: still-valid-after-59m
            hint: h
            steps:
              - as: arn:aws:iam::111111111111:user/dev
                assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R", durationSeconds: 3600 }
              - after: 59m
                request: { action: s3:GetObject, resource: "arn:aws:s3:::b/k" }
            expect: allowed
          - name: expired-after-61m
            hint: h
            steps:
              - as: arn:aws:iam::111111111111:user/dev
                assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R", durationSeconds: 3600 }
              - after: 1h1m
                request: { action: s3:GetObject, resource: "arn:aws:s3:::b/k" }
            expect: { error: ExpiredToken }
          - name: old-session-revoked
            hint: h
            steps:
              - as: arn:aws:iam::111111111111:user/dev
                assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R" }
              - after: 20m
                request: { action: s3:GetObject, resource: "arn:aws:s3:::b/k" }
            expect: explicitDeny
          - name: new-session-works
            hint: h
            steps:
              - as: arn:aws:iam::111111111111:user/dev
                after: 20m
                assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R" }
              - request: { action: s3:GetObject, resource: "arn:aws:s3:::b/k" }
            expect: allowed
        """;

    // Allows the read; denies every session issued before 12:10, as AWSRevokeOlderSessions does.
    private const string Revoking = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
          {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"2026-01-15T12:10:00Z"}}}]}
        """;

    private static GradeReport Grade(string policy)
    {
        var loaded = ScenarioLoader.Parse(Yaml, "demo/scenario.yaml", "demo");
        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        using var grader = new Grader(loaded.Scenario!);
        return grader.Grade(new Submission("learner", new Dictionary<string, string> { ["role-policy.json"] = policy }));
    }

    private static CheckResult Check(GradeReport report, string name) => report.Checks.Single(c => c.Name == name);

    [Fact]
    public void OneHourSession_WorksAfter59Minutes_AndIsExpiredAfter61()
    {
        var report = Grade(Revoking);

        Assert.Equal(CheckStatus.Pass, Check(report, "expired-after-61m").Status);
        Assert.Equal(CheckStatus.Fail, Check(report, "still-valid-after-59m").Status);
        Assert.Contains("explicitDeny", Check(report, "still-valid-after-59m").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheRevocation_TheSessionStillWorksAfter59Minutes()
    {
        var report = Grade("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");

        Assert.Equal(CheckStatus.Pass, Check(report, "still-valid-after-59m").Status);
        Assert.Equal(CheckStatus.Pass, Check(report, "expired-after-61m").Status);
        Assert.Equal(CheckStatus.Fail, Check(report, "old-session-revoked").Status);
    }

    [Fact]
    public void SessionIssuedBeforeTheCutOff_IsRefused_OneIssuedAfterTheClockMoved_Works()
    {
        var report = Grade(Revoking);

        Assert.Equal(CheckStatus.Pass, Check(report, "old-session-revoked").Status);
        Assert.Equal(CheckStatus.Pass, Check(report, "new-session-works").Status);
    }
}
