using IamLab.Scenarios.Attacks;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Tests.Attacks;

/// <summary>
/// Every key a learner's attack or findings file may not carry is refused, once, with its code, line and column, and
/// nothing the learner writes is dropped without a word: an <c>as:</c> anywhere in an attack is not the attacker's to
/// choose; a key the format does not have is named without suggesting a refused one; a step that makes no call and a
/// second YAML document are refused instead of skipped.
/// </summary>
public class LearnerFileKeysTests
{
    private const string From = "from: \"arn:aws:iam::222222222222:user/support-intern\"\n";

    private static readonly ChallengeSpec UserChallenge = Challenge(new FootholdSpec("arn:aws:iam::222222222222:user/support-intern", null));
    private static readonly ChallengeSpec GitHubChallenge = Challenge(new FootholdSpec(null, "mallory"));

    [Theory]
    [InlineData(From + "as: arn:aws:iam::111111111111:user/admin\nsteps: []\n", 2, 1, "an attack")]
    [InlineData(From + "steps:\n  - as: arn:aws:iam::111111111111:user/admin\n    request: { action: a, resource: r }\n", 3, 5, "a step")]
    [InlineData(From + "steps:\n  - assumeRole: { roleArn: R, as: arn:aws:iam::111111111111:user/admin }\n", 3, 31, "assumeRole")]
    [InlineData(From + "steps:\n  - request: { action: a, resource: r, as: arn:aws:iam::111111111111:user/admin }\n", 3, 40, "request")]
    [InlineData(From + "steps:\n  - lambdaFunction: { name: f, roleArn: \"arn:aws:iam::111111111111:role/A\", as: x }\n", 3, 77, "lambdaFunction")]
    public void AnAsKey_IsNotTheAttackersToChoose_WhereverItIsWritten(string text, int line, int column, string where)
    {
        var problem = SingleAttackProblem(text, UserChallenge);

        Assert.Equal(LabFileCodes.NotYours, problem.Code);
        Assert.StartsWith($"\"as\" in {where} is not the attacker's to choose: ", problem.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (problem.Spot.Line, problem.Spot.Column));
    }

    [Fact]
    public void AnAsKey_InAGitHubTokenRequest_IsNotYoursEither()
    {
        var problem = SingleAttackProblem("""
            from: "github:mallory"
            steps:
              - assumeRoleWithWebIdentity: { roleArn: R, as: x, github: { repository: mallory/x } }
            """, GitHubChallenge);

        Assert.Equal((LabFileCodes.NotYours, 3, 46), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.StartsWith("\"as\" in assumeRoleWithWebIdentity is not the attacker's to choose", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assumeRole: { roleArn: R, policy: x }", "assumeRole", "policy", 31)]
    [InlineData("assumeRole: { roleArn: R, policyArns: [x] }", "assumeRole", "policyArns", 31)]
    public void ASessionPolicy_IsNotYours_InAssumeRoleAsInTheTokenCall(string step, string where, string field, int column)
    {
        var problem = SingleAttackProblem($"{From}steps:\n  - {step}\n", UserChallenge);

        Assert.Equal((LabFileCodes.NotYours, 3, column), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.Equal($"\"{field}\" in {where} is not the attacker's to choose: a session policy only narrows a session; this format leaves it out.", problem.Message);
    }

    [Theory]
    [InlineData("  - As: x\n    request: { action: a, resource: r }\n", "As")]
    [InlineData("  - name: x\n    request: { action: a, resource: r }\n", "name")]
    [InlineData("  - ~: x\n    request: { action: a, resource: r }\n", "~")]
    public void AnUnknownKeyOfAStep_IsReportedOnce_WithoutSuggestingARefusedKey(string step, string name)
    {
        var problem = SingleAttackProblem($"{From}steps:\n{step}", UserChallenge);

        Assert.Equal((LabFileCodes.UnknownStep, 3, 5), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.Equal($"\"{name}\" is not a call an attacker makes from this foothold (a step is one of assumeRole, assumeRoleWithWebIdentity, lambdaFunction, request, with an optional \"after\").",
            problem.Message);
    }

    [Fact]
    public void AnUnknownFieldOfACall_ListsOnlyTheFieldsTheAttackerMayWrite()
    {
        var problem = SingleAttackProblem($"{From}steps:\n  - assumeRole: {{ roleArn: R, mfaa: true }}\n", UserChallenge);

        Assert.Equal((LabFileCodes.UnknownField, 3, 31), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.Equal("\"mfaa\" is not a field of assumeRole (fields: roleArn, roleSessionName, externalId, durationSeconds, sourceIdentity).", problem.Message);
    }

    [Fact]
    public void AStepThatOnlyWaits_IsRefused_NotDropped()
    {
        var problem = SingleAttackProblem($"{From}steps:\n  - after: 10m\n  - request: {{ action: a, resource: r }}\n", UserChallenge);

        Assert.Equal((LabFileCodes.UnknownStep, 3, 5), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.Equal("A step needs one of assumeRole, assumeRoleWithWebIdentity, lambdaFunction, request (\"after\" only waits before a call).", problem.Message);
    }

    [Fact]
    public void ASecondYamlDocument_IsRefused_InAnAttack()
    {
        var problem = SingleAttackProblem($"{From}steps: []\n---\nas: arn:aws:iam::111111111111:user/admin\n", UserChallenge);

        Assert.Equal((LabFileCodes.ExtraDocument, 4, 1), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.Equal("The file holds 2 YAML documents (separated by \"---\"); only one is read, so write everything in one.", problem.Message);
    }

    [Theory]
    [InlineData("eventId: e\n---\nsessionName: s\n", 3, 1)]
    [InlineData("eventId: e\n...\nsessionName: s\n", 3, 1)]
    public void ASecondYamlDocument_IsRefused_InFindings(string text, int line, int column)
    {
        var (findings, problems) = FindingsReader.Read(text, "findings.yaml");

        Assert.Null(findings);
        var problem = Assert.Single(problems);
        Assert.Equal((LabFileCodes.ExtraDocument, line, column), (problem.Code, problem.Spot.Line, problem.Spot.Column));
    }

    [Theory]
    [InlineData("as: arn:aws:iam::222222222222:user/contractor-7\neventId: e\n", "as", 1)]
    [InlineData("eventId: e\ncall: attacker-assume-role\n", "call", 2)]
    [InlineData("eventId: e\nfield: eventId\n", "field", 2)]
    public void AKeyOfAFindingsCheck_IsNotAFieldOfAFindingsFile(string text, string key, int line)
    {
        var (findings, problems) = FindingsReader.Read(text, "findings.yaml");

        Assert.Null(findings);
        var problem = Assert.Single(problems);
        Assert.Equal((LabFileCodes.UnknownField, line, 1), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.Equal($"\"{key}\" is not a field of findings (fields: eventId, sessionName, sourceIp, accessKeyId).", problem.Message);
    }

    [Fact]
    public void ASecondYamlDocument_IsRefused_InAScenarioToo()
    {
        var loaded = ScenarioLoader.Parse("id: demo\ntitle: Demo\nchecks: []\n---\nchecks: []\n", "demo/scenario.yaml", "demo");

        Assert.Contains(loaded.Problems, p => (p.Code, p.Spot.Line) == (ScenarioCodes.ExtraDocument, 5));
    }

    private static ScenarioProblem SingleAttackProblem(string text, ChallengeSpec challenge)
    {
        var (attack, problems) = AttackReader.Read(text.Replace("\r\n", "\n", StringComparison.Ordinal), "attack.yaml", challenge);
        Assert.Null(attack);
        return Assert.Single(problems);
    }

    private static ChallengeSpec Challenge(FootholdSpec foothold) => new()
    {
        File = "attack.yaml",
        Foothold = foothold,
        Goal = new RequestSpec("s3:GetObject", "arn:aws:s3:::b/k", new Dictionary<string, string[]>()),
        Fixes = [],
        Spot = new SourceSpot("scenario.yaml", 1, 1),
    };
}
