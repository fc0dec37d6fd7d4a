using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// A small scenario for the step runner's and the explainer's tests: a role App whose permissions are the learner's
/// app-policy.json (tagged team=blue), a role Next whose trust is the learner's trust-policy.json, a user dev who may
/// assume Next, and an organization whose SCP denies deletes.
/// </summary>
internal static class ProbeWorld
{
    public const string App = "arn:aws:iam::222222222222:role/App";
    public const string Next = "arn:aws:iam::222222222222:role/Next";
    public const string Dev = "arn:aws:iam::222222222222:user/dev";

    // Statement 0 opens on line 4, statement 1 on line 10.
    public const string AppPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "ReadReports",
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::data-222/reports/*"
            },
            {
              "Sid": "Writes",
              "Effect": "Allow",
              "Action": "s3:PutObject",
              "Resource": "arn:aws:s3:::data-222/*"
            }
          ]
        }
        """;

    // Lets the account in only when the session passes the "project" tag on along a chain.
    public const string Trust = """
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

    private const string Yaml = """
        id: probe
        title: Probe
        files:
          - name: app-policy.json
            kind: identity
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
                - name: App
                  file: app-policy.json
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
                        - Sid: NoDeletes
                          Effect: Deny
                          Action: s3:DeleteObject
                          Resource: "*"
                        - Sid: OnlyBlueWrites
                          Effect: Deny
                          Action: s3:PutObject
                          Resource: "*"
                          Condition: { StringNotEquals: { aws:PrincipalTag/team: blue } }
        checks:
          - name: chain-with-transitive-key
            hint: h
            steps:
              - as: arn:aws:iam::222222222222:user/dev
                assumeRole:
                  roleArn: arn:aws:iam::222222222222:role/Next
                  roleSessionName: s1
                  tags: { project: blue }
                  transitiveTagKeys: [project]
              - request: { action: s3:GetObject, resource: "arn:aws:s3:::data-222/k" }
            expect: implicitDeny
          - name: chain-without-transitive-key
            hint: h
            steps:
              - as: arn:aws:iam::222222222222:user/dev
                assumeRole:
                  roleArn: arn:aws:iam::222222222222:role/Next
                  roleSessionName: s2
                  tags: { project: blue }
            expect: { error: AccessDenied }
          - name: as-a-stranger
            hint: h
            steps:
              - as: arn:aws:iam::222222222222:user/nobody
                request: { action: s3:GetObject, resource: "arn:aws:s3:::data-222/k" }
            expect: denied
          - name: from-an-instance-never-launched
            hint: h
            steps:
              - as: arn:aws:iam::222222222222:user/dev
                request: { action: s3:GetObject, resource: "arn:aws:s3:::data-222/k", fromInstance: true }
            expect: denied
          - name: role-deletes
            hint: h
            request: { principal: arn:aws:iam::222222222222:role/App, action: s3:DeleteObject, resource: "arn:aws:s3:::data-222/reports/a" }
            expect: explicitDeny
        """;

    public static Scenario Scenario { get; } = Load();

    public static CheckSpec Check(string name) => Scenario.Checks.Single(c => c.Name == name);

    /// <summary>The scenario's world with the learner's files in place, on the scenario's clock.</summary>
    public static BuiltWorld Build(string trust = Trust, string appPolicy = AppPolicy)
    {
        var submission = new Submission("learner", new Dictionary<string, string> { ["app-policy.json"] = appPolicy, ["trust-policy.json"] = trust });
        var (built, error) = WorldBuilder.Build(Scenario, submission, null);
        Assert.True(built is not null, error?.Message);
        built!.Clock.Set(Scenario.Clock);
        return built;
    }

    private static Scenario Load()
    {
        var loaded = ScenarioLoader.Parse(Yaml, "probe/scenario.yaml", "probe");
        Assert.True(loaded.Scenario is not null, string.Join("\n", loaded.Problems));
        return loaded.Scenario!;
    }
}
