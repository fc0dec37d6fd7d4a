using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// The world builder on its own: it makes, through the world's own APIs, the accounts, users, roles, buckets and the
/// organization (OUs, SCPs, RCPs) a scenario names, with the learner's file in place; it remembers where each policy
/// came from; and it names what it could not build (the learner's file when IAM refused it, the scenario otherwise).
/// </summary>
public sealed class WorldBuilderTests
{
    private const string Yaml = """
        id: built
        title: Built
        files:
          - name: trust-policy.json
            kind: trust
        world:
          accounts: ["111111111111", "222222222222"]
          users:
            - arn: arn:aws:iam::222222222222:user/dev
              tags: { team: blue }
          roles:
            - arn: arn:aws:iam::222222222222:role/app/App
              trust: { file: trust-policy.json }
              maxSessionDuration: 7200
              tags: { team: red }
              policies:
                - name: Data
                  document:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::data-222/*
          buckets:
            - name: data-222
              account: "222222222222"
              objects: [reports/q1.csv]
          organization:
            managementAccount: "111111111111"
            units:
              - name: Workloads
                accounts: ["222222222222"]
                scps:
                  - document:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Deny
                          Action: s3:DeleteObject
                          Resource: "*"
                rcps:
                  - document:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Deny
                          Principal: "*"
                          Action: s3:PutObject
                          Resource: "*"
        checks:
          - name: dev-in
            hint: h
            request: { principal: "arn:aws:iam::222222222222:user/dev", action: sts:AssumeRole, resource: "arn:aws:iam::222222222222:role/app/App" }
            expect: allowed
        """;

    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}""";

    private static Scenario Load(string yaml = Yaml)
    {
        var loaded = ScenarioLoader.Parse(yaml, "built/scenario.yaml", "built");
        Assert.True(loaded.Scenario is not null, string.Join("\n", loaded.Problems));
        return loaded.Scenario!;
    }

    private static Submission With(string trust) => new("learner", new Dictionary<string, string> { ["trust-policy.json"] = trust });

    [Fact]
    public void Builds_TheAccountsUsersRolesBucketAndOrganization_TheScenarioNames()
    {
        var (built, error) = WorldBuilder.Build(Load(), With(Trust), null);

        Assert.Null(error);
        var world = built!.World;
        Assert.Equal(["111111111111", "222222222222"], world.Accounts.Keys.Order(StringComparer.Ordinal));
        var account = world.Accounts["222222222222"];
        var role = account.Roles["App"];
        Assert.Equal(("/app/", "arn:aws:iam::222222222222:role/app/App", 7200), (role.Path, role.Arn, role.MaxSessionDuration));
        Assert.Equal(["team=red"], role.Tags.Select(t => $"{t.Key}={t.Value}"));
        Assert.Equal(Trust, role.TrustPolicy.Json);
        Assert.Equal(["Data"], role.InlinePolicies.Keys);
        Assert.Equal(["team=blue"], account.Users["dev"].Tags.Select(t => $"{t.Key}={t.Value}"));
        Assert.Equal(["reports/q1.csv"], world.S3.Buckets["data-222"].Objects.Keys);
        Assert.Equal("222222222222", world.S3.Buckets["data-222"].AccountId);

        var unit = Assert.Single(world.Organizations.Organization!.Units.Values, u => u.Name == "Workloads");
        Assert.Equal(unit.Id, account.OrganizationalUnitId);
        Assert.Equal(world.Organizations.Organization.RootId, world.Accounts["111111111111"].OrganizationalUnitId);
        // As in AWS, a new OU starts with FullAWSAccess; the scenario's SCP comes after it.
        Assert.Equal(2, unit.ServiceControlPolicies.Count);
        Assert.Equal(IamLab.World.Accounts.Organization.FullAwsAccess, unit.ServiceControlPolicies[0].Json);
        Assert.Contains("\"s3:DeleteObject\"", unit.ServiceControlPolicies[1].Json, StringComparison.Ordinal);
        Assert.Contains("\"s3:PutObject\"", Assert.Single(unit.ResourceControlPolicies).Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Origins_NameTheLearnersFile_AndTheScenariosPoliciesInWords()
    {
        var (built, _) = WorldBuilder.Build(Load(), With(Trust), null);

        var world = built!.World;
        var role = world.Accounts["222222222222"].Roles["App"];
        var unit = world.Organizations.Organization!.Units.Values.Single(u => u.Name == "Workloads");
        Assert.Equal(("trust-policy.json", "trust-policy.json"), built.Origins.Find(role.TrustPolicy.Document));
        Assert.Equal(("inline policy Data of role/App", null), built.Origins.Find(role.InlinePolicies["Data"].Document));
        Assert.Equal(("SCP of OU Workloads", null), built.Origins.Find(unit.ServiceControlPolicies[1].Document));
        Assert.Equal(("RCP of OU Workloads", null), built.Origins.Find(unit.ResourceControlPolicies[0].Document));
        Assert.Equal("222222222222", built.TrustFileAccounts["trust-policy.json"]);
    }

    [Fact]
    public void LearnersFileIamRefuses_IsBlamedOnThatFile_WithIamsCode()
    {
        var (built, error) = WorldBuilder.Build(Load(), With("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"}}]}"""), null);

        Assert.Null(built);
        Assert.Equal("trust-policy.json", error!.File);
        Assert.StartsWith("arn:aws:iam::222222222222:role/app/App: MalformedPolicyDocument: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioNamingAGroupThatDoesNotExist_IsBlamedOnTheScenario_NamingTheUserAndTheGroup()
    {
        var yaml = Yaml.Replace("      tags: { team: blue }", "      tags: { team: blue }\n      groups: [Admins]", StringComparison.Ordinal);

        var (built, error) = WorldBuilder.Build(Load(yaml), With(Trust), null);

        Assert.Null(built);
        Assert.Null(error!.File);
        Assert.StartsWith("arn:aws:iam::222222222222:user/dev group Admins: NoSuchEntity: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GraderWithAWorldThatCannotBeBuilt_ErrsEveryCheck_BlamingTheScenarioNotTheLearner()
    {
        var yaml = Yaml.Replace("      tags: { team: blue }", "      tags: { team: blue }\n      groups: [Admins]", StringComparison.Ordinal);
        using var grader = new Grader(Load(yaml));

        var report = grader.Grade(With(Trust));

        Assert.Empty(report.Errors);
        var check = Assert.Single(report.Checks);
        Assert.Equal(CheckStatus.Error, check.Status);
        Assert.StartsWith("The scenario's world cannot be built: arn:aws:iam::222222222222:user/dev group Admins: NoSuchEntity: ", check.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.Score);
    }
}
