using IamLab.Policy.Validation;
using IamLab.Scenarios.Security;

namespace IamLab.Scenarios.Tests;

public class SecurityScannerTests
{
    private static IReadOnlyList<SecurityFinding> Scan(string json, DocumentKind kind, string? roleAccount = null)
    {
        var read = PolicyValidator.Validate(json, kind);
        return SecurityScanner.Scan("policy.json", json, read.Policy, kind, roleAccount);
    }

    private static string Trust(string principal, string action, string condition = "") => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Principal": {{principal}}, "Action": "{{action}}"{{condition}} }
          ]
        }
        """;

    [Fact]
    public void CrossAccountTrust_WithoutExternalId_IsFlaggedOnThePrincipal()
    {
        var findings = Scan(Trust("""{ "AWS": "arn:aws:iam::111111111111:root" }""", "sts:AssumeRole"), DocumentKind.Trust, "999999999999");

        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.CrossAccountNoExternalId, finding.Code);
        Assert.Equal(4, finding.Line);
        Assert.Contains("111111111111", finding.Message);
    }

    [Fact]
    public void CrossAccountTrust_WithExternalId_OrSameAccount_IsNotFlagged()
    {
        var withId = Scan(Trust("""{ "AWS": "111111111111" }""", "sts:AssumeRole", """, "Condition": { "StringEquals": { "sts:ExternalId": "x-1" } }"""), DocumentKind.Trust, "999999999999");
        var sameAccount = Scan(Trust("""{ "AWS": "arn:aws:iam::999999999999:root" }""", "sts:AssumeRole"), DocumentKind.Trust, "999999999999");

        Assert.Empty(withId);
        Assert.Empty(sameAccount);
    }

    [Fact]
    public void PolicyLevelFindings_AreTheValidators_NotTheScanners()
    {
        // An open, NotAction, PassRole-on-* trust without aud: all the validator's; the scanner adds only what needs the scenario.
        var json = Trust("\"*\"", "sts:AssumeRoleWithWebIdentity");

        Assert.Empty(Scan(json, DocumentKind.Trust, "999999999999"));
        Assert.Empty(Scan("""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }, { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" } ] }""", DocumentKind.Identity));
    }

    [Fact]
    public void CrossAccountTrust_OfAFileThatIsNoKnownRolesTrust_IsNotFlagged()
    {
        // Without the role's account (the scenario's context) "another account" means nothing.
        Assert.Empty(Scan(Trust("""{ "AWS": "arn:aws:iam::111111111111:root" }""", "sts:AssumeRole"), DocumentKind.Trust, roleAccount: null));
    }

    [Fact]
    public void AccessKeyId_AndSecret_InAFile_AreFlaggedWithLineAndColumn()
    {
        const string json = "{\n  \"Version\": \"2012-10-17\",\n  \"Id\": \"AKIAIOSFODNN7EXAMPLE\",\n  \"Sid\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n}";

        var findings = SecurityScanner.Scan("notes.json", json, null, DocumentKind.Identity, null);

        var key = findings.Single(f => f.Code == FindingCodes.AccessKeyInFile);
        Assert.Equal((3, 10), (key.Line, key.Column));
        Assert.DoesNotContain("IOSFODNN7EXAMPLE", key.Message);
        var secret = findings.Single(f => f.Code == FindingCodes.SecretKeyInFile);
        Assert.Equal((4, 11), (secret.Line, secret.Column));
    }

    [Fact]
    public void ThumbprintsAndArns_AreNotMistakenForSecrets()
    {
        const string json = """{ "Thumbprint": "6938fd4d98bab03faadb97b34396831e3780aea1", "Arn": "arn:aws:iam::123456789012:role/GitHubActionsRole" }""";

        Assert.Empty(SecurityScanner.Scan("x.json", json, null, DocumentKind.Identity, null));
    }

    [Fact]
    public void Grader_IgnoresFindingsTheScenarioTurnsOff()
    {
        // role-chaining's RoleB trust names another account's role without an ExternalId, and the scenario ignores that code.
        var scenario = IamLab.Scenarios.Loading.ScenarioLoader.Load(Repo.Scenario("role-chaining")).Scenario!;
        Assert.Contains(FindingCodes.CrossAccountNoExternalId, scenario.IgnoreFindings);
        using var grader = new IamLab.Scenarios.Grading.Grader(scenario);

        var report = grader.Grade(Repo.Solution("role-chaining")).Report!;

        Assert.Empty(report.Findings);
        using var strict = new IamLab.Scenarios.Grading.Grader(scenario with { IgnoreFindings = [] });
        Assert.Contains(strict.Grade(Repo.Solution("role-chaining")).Report!.Findings, f => f.Code == FindingCodes.CrossAccountNoExternalId);
    }
}
