using IamLab.Policy.Evaluation;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Submissions;
using IamLab.World.Authorization;
using IamLab.World.Sts;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// The grader explains the decision the world made for a step, never one it rebuilt: a role's request goes through the
/// organization's SCPs and RCPs and the role's tags, and an AssumeRole with transitive tag keys is explained with the
/// <c>sts:TransitiveTagKeys</c> STS set. Each check is written to fail, so that its explanation is shown, and compared
/// with the check the world makes for the same step.
/// </summary>
public sealed class StepExplanationTests
{
    private const string App = "arn:aws:iam::222222222222:role/App";
    private const string Next = "arn:aws:iam::222222222222:role/Next";
    private const string Dev = "arn:aws:iam::222222222222:user/dev";

    private const string ScenarioYaml = """
        id: drift-probe
        title: Drift probe
        section: Tests
        summary: The grader explains the check the world made.
        files:
          - name: trust-policy.json
            kind: trust
        world:
          accounts: ["111111111111", "222222222222"]
          users:
            - arn: arn:aws:iam::222222222222:user/dev
              policies:
                - name: AssumeNext
                  document:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: [sts:AssumeRole, sts:TagSession]
                        Resource: arn:aws:iam::222222222222:role/Next
          roles:
            - arn: arn:aws:iam::222222222222:role/App
              trust:
                document:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Principal: { Service: ec2.amazonaws.com }
                      Action: sts:AssumeRole
              policies:
                - name: Data
                  document:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: [s3:GetObject, s3:PutObject]
                        Resource: arn:aws:s3:::data-222/*
              tags: { team: blue }
            - arn: arn:aws:iam::222222222222:role/Next
              trust: { file: trust-policy.json }
          buckets:
            - name: data-222
              account: "222222222222"
          organization:
            managementAccount: "111111111111"
            units:
              - name: Workloads
                accounts: ["222222222222"]
                scps:
                  - document:
                      Version: "2012-10-17"
                      Statement:
                        - Sid: OnlyRedReads
                          Effect: Deny
                          Action: s3:GetObject
                          Resource: "*"
                          Condition: { StringNotEquals: { aws:PrincipalTag/team: red } }
                rcps:
                  - document:
                      Version: "2012-10-17"
                      Statement:
                        - Sid: NoBlueWrites
                          Effect: Deny
                          Principal: "*"
                          Action: s3:PutObject
                          Resource: "*"
                          Condition: { StringEquals: { aws:PrincipalTag/team: blue } }
        checks:
          - name: role-read-meets-the-scp
            request: { principal: arn:aws:iam::222222222222:role/App, action: s3:GetObject, resource: "arn:aws:s3:::data-222/k" }
            expect: allowed
            hint: The organization's SCP lets only the red team read.
          - name: role-write-meets-the-rcp
            request: { principal: arn:aws:iam::222222222222:role/App, action: s3:PutObject, resource: "arn:aws:s3:::data-222/k" }
            expect: allowed
            hint: The resource account's RCP refuses the blue team's writes.
          - name: transitive-keys-let-in
            steps:
              - as: arn:aws:iam::222222222222:user/dev
                assumeRole:
                  roleArn: arn:aws:iam::222222222222:role/Next
                  roleSessionName: s1
                  tags: { project: blue }
                  transitiveTagKeys: [project]
            expect: denied
            hint: The trust lets in sessions that pass the project tag on.
        """;

    // Lets the caller's account in only when the session passes the "project" tag on along a chain.
    private const string Trust = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "ChainedProjects",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::222222222222:root" },
              "Action": ["sts:AssumeRole", "sts:TagSession"],
              "Condition": { "ForAnyValue:StringEquals": { "sts:TransitiveTagKeys": "project" } }
            }
          ]
        }
        """;

    [Fact]
    public void RoleRequest_IsExplainedWithTheOrganizationsScpAndTheRolesTags()
    {
        var (report, world) = Grade();
        var result = report.Checks.Single(c => c.Name == "role-read-meets-the-scp");
        var check = world.World.AuthorizeAs(App, "s3:GetObject", "arn:aws:s3:::data-222/k").Value;

        Assert.Equal(Decision.ExplicitDeny, check.Result.Decision);
        Assert.Equal("Expected allowed, got explicitDeny.", result.Message);
        AssertNamesTheDeciding(result, check);
        Assert.Contains("  SCP of OU Workloads statement 0 (\"OnlyRedReads\")", result.Explanation);
        Assert.Contains(result.Explanation, l => l.Contains("✓ StringNotEquals \"aws:PrincipalTag/team\": request value \"blue\", policy value \"red\"", StringComparison.Ordinal));
    }

    [Fact]
    public void RoleRequest_IsExplainedWithTheResourceAccountsRcp()
    {
        var (report, world) = Grade();
        var result = report.Checks.Single(c => c.Name == "role-write-meets-the-rcp");
        var check = world.World.AuthorizeAs(App, "s3:PutObject", "arn:aws:s3:::data-222/k").Value;

        Assert.Equal(Decision.ExplicitDeny, check.Result.Decision);
        Assert.Equal("Expected allowed, got explicitDeny.", result.Message);
        AssertNamesTheDeciding(result, check);
        Assert.Contains("  RCP of OU Workloads statement 0 (\"NoBlueWrites\")", result.Explanation);
    }

    [Fact]
    public void AssumeRole_IsExplainedWithTheTransitiveTagKeysStsSet()
    {
        var (report, world) = Grade();
        var result = report.Checks.Single(c => c.Name == "transitive-keys-let-in");
        var key = world.KeyOf(Dev)!;
        var sts = world.World.Sts.AssumeRole(key, new AssumeRoleRequest(Next, "s1")
        {
            Tags = [new IamLab.World.Tag("project", "blue")],
            TransitiveTagKeys = ["project"],
        }, trace: true);
        var check = sts.Value.Check!;

        Assert.True(check.IsAllowed);
        Assert.Equal(["project"], check.Context.Lookup("sts:TransitiveTagKeys"));
        Assert.Equal("Expected denied, got allowed.", result.Message);
        AssertNamesTheDeciding(result, check);
        Assert.Contains(result.Explanation, l => l.StartsWith("Request: " + Dev + " sts:AssumeRole on " + Next + " with ", StringComparison.Ordinal)
            && l.Contains("sts:TransitiveTagKeys=project", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, l => l.Contains("✓ ForAnyValue:StringEquals \"sts:TransitiveTagKeys\": request value \"project\", policy value \"project\"", StringComparison.Ordinal));
        Assert.Equal("trust-policy.json", Path.GetFileName(result.File));
    }

    // Every statement the world's check names as deciding is named in the grader's explanation, as the learner reads it.
    private static void AssertNamesTheDeciding(CheckResult result, AccessCheck check)
    {
        var explanation = check.Explanation;
        Assert.NotEmpty(explanation.Deciding);
        Assert.Contains(explanation.IsAllowed ? "Allowed by:" : "Denied by:", result.Explanation);
        foreach (var deciding in explanation.Deciding)
        {
            var sid = deciding.Sid is null ? string.Empty : $" (\"{deciding.Sid}\")";
            Assert.Contains(result.Explanation, l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains($"statement {deciding.Statement}{sid}", StringComparison.Ordinal));
        }

        if (explanation.Summary.Length > 0)
        {
            Assert.Contains($"Why: {explanation.Summary}", result.Explanation);
        }
    }

    private static (GradeReport Report, BuiltWorld World) Grade()
    {
        var folder = Path.Combine(Repo.Scratch(), "drift-probe");
        var submission = Path.Combine(folder, "submission");
        Directory.CreateDirectory(submission);
        File.WriteAllText(Path.Combine(folder, "scenario.yaml"), ScenarioYaml);
        File.WriteAllText(Path.Combine(submission, "trust-policy.json"), Trust);
        var loaded = ScenarioLoader.Load(folder);
        Assert.True(loaded.Scenario is not null, string.Join("\n", loaded.Problems.Select(p => p.ToString())));
        using var grader = new Grader(loaded.Scenario!);
        var outcome = grader.Grade(submission);
        Assert.True(outcome.Report is not null, string.Join("\n", outcome.Problems.Select(p => p.ToString())));

        // The same world, built again from the same files, for the test to ask directly.
        var (read, _) = SubmissionLoader.Load(loaded.Scenario!, submission);
        var (built, error) = WorldBuilder.Build(loaded.Scenario!, read!, null);
        Assert.True(built is not null, error?.Message);
        built!.Clock.Set(loaded.Scenario!.Clock);
        return (outcome.Report!, built);
    }
}
