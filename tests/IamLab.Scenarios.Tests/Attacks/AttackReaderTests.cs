using IamLab.Scenarios.Attacks;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Tests.Attacks;

/// <summary>
/// The attack file reader refuses, with a stable code, the line and the column, every way a learner could win without
/// finding the hole: another foothold, another caller, MFA or request facts they do not have, another owner's
/// repository, step kinds the foothold cannot make; and hostile YAML (deep, huge, aliased) is refused before it is loaded.
/// </summary>
public class AttackReaderTests
{
    private static readonly ChallengeSpec UserChallenge = Challenge(new FootholdSpec("arn:aws:iam::222222222222:user/support-intern", null));
    private static readonly ChallengeSpec GitHubChallenge = Challenge(new FootholdSpec(null, "mallory"));

    [Fact]
    public void AChainFromTheFoothold_IsReadAsSteps()
    {
        var (attack, problems) = Read("""
            from: "arn:aws:iam::222222222222:user/support-intern"
            steps:
              - assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R", roleSessionName: me, externalId: acme-x }
              - after: 10m
                lambdaFunction: { name: f, roleArn: "arn:aws:iam::111111111111:role/Admin" }
              - request: { action: s3:GetObject, resource: "arn:aws:s3:::b/k" }
            """, UserChallenge);

        Assert.Empty(problems);
        Assert.Equal(3, attack!.Steps.Count);
        Assert.Equal("acme-x", attack.Steps[0].AssumeRole!.ExternalId);
        Assert.Null(attack.Steps[0].As);
        Assert.Equal(TimeSpan.FromMinutes(10), attack.Steps[1].After);
        Assert.Equal("111111111111", attack.Steps[1].LambdaFunction!.Account);
        Assert.Empty(attack.Steps[2].Request!.Context);
    }

    [Fact]
    public void AnotherFoothold_IsRefused_WithItsLine()
    {
        var problem = Single("""
            from: "arn:aws:iam::111111111111:user/admin"
            steps: []
            """, UserChallenge);

        Assert.Equal(LabFileCodes.FootholdMismatch, problem.Code);
        Assert.Equal((1, 7), (problem.Spot.Line, problem.Spot.Column));
        Assert.Contains("arn:aws:iam::222222222222:user/support-intern", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - as: arn:aws:iam::111111111111:user/admin\n    assumeRole: { roleArn: R }", "\"as\"", 3, 5)]
    [InlineData("  - assumeRole: { roleArn: R, mfa: true }", "\"mfa\"", 3, 31)]
    [InlineData("  - assumeRole: { roleArn: R, sourceIp: 10.0.0.1 }", "\"sourceIp\"", 3, 31)]
    [InlineData("  - assumeRole: { roleArn: R, context: { aws:MultiFactorAuthPresent: \"true\" } }", "\"context\"", 3, 31)]
    [InlineData("  - request: { action: s3:GetObject, resource: x, principal: arn:aws:iam::111111111111:role/Admin }", "\"principal\"", 3, 51)]
    public void WhatTheAttackerCannotChoose_IsNotYours(string step, string field, int line, int column)
    {
        var problem = Single($"from: \"arn:aws:iam::222222222222:user/support-intern\"\nsteps:\n{step}\n", UserChallenge);

        Assert.Equal(LabFileCodes.NotYours, problem.Code);
        Assert.Contains(field, problem.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (problem.Spot.Line, problem.Spot.Column));
    }

    [Fact]
    public void ATokenForSomeoneElsesRepository_IsNotYours()
    {
        var problem = Single("""
            from: "github:mallory"
            steps:
              - assumeRoleWithWebIdentity:
                  roleArn: "arn:aws:iam::111111111111:role/GitHubDeploy"
                  github: { repository: acme/web, environment: production }
            """, GitHubChallenge);

        Assert.Equal(LabFileCodes.NotYours, problem.Code);
        Assert.StartsWith("\"acme/web\" is not a repository of mallory", problem.Message, StringComparison.Ordinal);
        Assert.Equal(5, problem.Spot.Line);
    }

    [Theory]
    [InlineData("mallory/pages")]
    [InlineData("Mallory/pages")]
    public void ATokenForTheAttackersOwnRepository_IsRead(string repository)
    {
        var (attack, problems) = Read($$"""
            from: "github:mallory"
            steps:
              - assumeRoleWithWebIdentity: { roleArn: R, github: { repository: {{repository}}, environment: production } }
            """, GitHubChallenge);

        Assert.Empty(problems);
        Assert.Equal("production", attack!.Steps[0].AssumeRoleWithWebIdentity!.Environment);
        Assert.Equal("https://token.actions.githubusercontent.com", attack.Steps[0].AssumeRoleWithWebIdentity!.Issuer);
    }

    [Theory]
    [InlineData("mallory")]
    [InlineData("mallory/")]
    [InlineData("mallory/../acme")]
    [InlineData("malloryx/pages")]
    public void ARepositoryThatOnlyLooksLikeTheOwners_IsNotYours(string repository)
    {
        var problem = Single($$"""
            from: "github:mallory"
            steps:
              - assumeRoleWithWebIdentity: { roleArn: R, github: { repository: "{{repository}}" } }
            """, GitHubChallenge);

        Assert.Equal(LabFileCodes.NotYours, problem.Code);
    }

    [Fact]
    public void AnotherIssuer_OrAWebIdentityStepFromAUser_IsNotYours()
    {
        var issuer = Single("""
            from: "github:mallory"
            steps:
              - assumeRoleWithWebIdentity: { roleArn: R, issuer: "https://evil.example", github: { repository: mallory/x } }
            """, GitHubChallenge);
        var fromUser = Single("""
            from: "arn:aws:iam::222222222222:user/support-intern"
            steps:
              - assumeRoleWithWebIdentity: { roleArn: R, github: { repository: mallory/x } }
            """, UserChallenge);

        Assert.Equal((LabFileCodes.NotYours, "\"issuer\""), (issuer.Code, issuer.Message[..8]));
        Assert.Equal(LabFileCodes.NotYours, fromUser.Code);
        Assert.Contains("holds no GitHub Actions token", fromUser.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assumeRoleWithSaml: { roleArn: R, principalArn: P, nameId: n }", "assumeRoleWithSaml")]
    [InlineData("ec2Instance: { account: \"111111111111\", instanceProfile: AdminProfile }", "ec2Instance")]
    [InlineData("becomeAdmin: true", "becomeAdmin")]
    public void AStepKindTheFootholdCannotMake_IsAnUnknownStep(string step, string name)
    {
        var problem = Single($"from: \"arn:aws:iam::222222222222:user/support-intern\"\nsteps:\n  - {step}\n", UserChallenge);

        Assert.Equal(LabFileCodes.UnknownStep, problem.Code);
        Assert.StartsWith($"\"{name}\" is not a call an attacker makes from this foothold", problem.Message, StringComparison.Ordinal);
        Assert.Equal((3, 5), (problem.Spot.Line, problem.Spot.Column));
    }

    [Fact]
    public void AMisspeltStep_SaysWhatWasMeant()
    {
        var problem = Single("from: \"arn:aws:iam::222222222222:user/support-intern\"\nsteps:\n  - asumeRole: { roleArn: R }\n", UserChallenge);

        Assert.Equal(LabFileCodes.UnknownStep, problem.Code);
        Assert.Contains("did you mean \"assumeRole\"?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoCallsInOneStep_AreRefused()
    {
        var problem = Single("from: \"arn:aws:iam::222222222222:user/support-intern\"\nsteps:\n  - { assumeRole: { roleArn: R }, request: { action: a, resource: r } }\n", UserChallenge);

        Assert.Equal(LabFileCodes.UnknownStep, problem.Code);
        Assert.Equal("A step makes one call, not assumeRole and request.", problem.Message);
    }

    [Fact]
    public void NestingThousandsDeep_IsRefusedBeforeLoading()
    {
        var deep = "from: x\nsteps: " + new string('[', 30_000) + new string(']', 30_000) + "\n";

        var problem = Single(deep, UserChallenge);

        Assert.Equal(LabFileCodes.TooLarge, problem.Code);
        Assert.Contains("more than 16 deep", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Spot.Line);
    }

    [Fact]
    public void AnAliasBomb_IsRefused()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nfrom: x\nsteps: *c\n";

        var problem = Single(bomb, UserChallenge);

        Assert.Equal(LabFileCodes.TooLarge, problem.Code);
        Assert.Contains("alias", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Spot.Line);
    }

    [Fact]
    public void TooManyNodes_OrTooManySteps_AreRefused()
    {
        var wide = "from: x\nsteps: [" + string.Join(", ", Enumerable.Repeat("1", 6_000)) + "]\n";
        var steps = "from: \"arn:aws:iam::222222222222:user/support-intern\"\nsteps:\n" + string.Concat(Enumerable.Repeat("  - request: { action: a, resource: r }\n", 13));

        Assert.Equal(LabFileCodes.TooLarge, Single(wide, UserChallenge).Code);
        var tooMany = Single(steps, UserChallenge);
        Assert.Equal((LabFileCodes.TooLarge, "The attack has 13 steps; at most 12 are read."), (tooMany.Code, tooMany.Message));
    }

    [Theory]
    [InlineData("", LabFileCodes.Empty)]
    [InlineData("from: [unclosed\n", LabFileCodes.YamlSyntax)]
    [InlineData("- just\n- a list\n", LabFileCodes.WrongType)]
    [InlineData("from: \"arn:aws:iam::222222222222:user/support-intern\"\nsteps: []\nwith: extra\n", LabFileCodes.UnknownField)]
    [InlineData("from: \"arn:aws:iam::222222222222:user/support-intern\"\n", LabFileCodes.MissingField)]
    [InlineData("from: \"arn:aws:iam::222222222222:user/support-intern\"\nsteps:\n  - after: 30d\n    request: { action: a, resource: r }\n", LabFileCodes.InvalidValue)]
    public void BadYaml_GetsTheLearnerFilesCodes(string text, string code)
    {
        var (attack, problems) = Read(text, UserChallenge);

        Assert.Null(attack);
        Assert.Contains(problems, p => p.Code == code);
        Assert.All(problems, p => Assert.DoesNotContain("SCENARIO_", p.Code, StringComparison.Ordinal));
    }

    private static (AttackFile? Attack, IReadOnlyList<ScenarioProblem> Problems) Read(string text, ChallengeSpec challenge) =>
        AttackReader.Read(text.Replace("\r\n", "\n", StringComparison.Ordinal), "attack.yaml", challenge);

    private static ScenarioProblem Single(string text, ChallengeSpec challenge)
    {
        var (attack, problems) = Read(text, challenge);
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
