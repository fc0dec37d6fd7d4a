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

    private const string GitHub = """{ "Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }""";

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
    public void OidcTrust_WithoutAud_IsFlagged()
    {
        var findings = Scan(Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringLike": { "token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*" } }"""), DocumentKind.Trust);

        Assert.Equal([FindingCodes.OidcNoAudience], findings.Select(f => f.Code));
    }

    [Fact]
    public void OidcTrust_WithoutAud_SaysWhatTheRiskReallyIs()
    {
        // STS refuses a web identity token whose aud is none of the provider's client IDs before it reads the trust
        // (IAM User Guide, id_roles_providers_create_oidc: the audience must be registered with the provider), so the
        // finding may not claim that "any application" of the issuer gets in: only tokens minted for another of its audiences.
        var finding = Assert.Single(Scan(Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringLike": { "token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*" } }"""), DocumentKind.Trust));

        Assert.Equal("The trust for token.actions.githubusercontent.com has no condition on \"token.actions.githubusercontent.com:aud\": STS already refuses a token whose aud is not one of the provider's client IDs, but a token minted for any of those audiences (another application's) could assume the role; require the one this role is for.",
            finding.Message);
    }

    [Theory]
    [InlineData("repo:*")]
    [InlineData("repo:myorg/*")]
    [InlineData("*")]
    [InlineData("repo:*/myrepo:*")]
    public void GitHubTrust_WhoseSubAdmitsAnyRepository_IsFlaggedOnTheValue(string subject)
    {
        var findings = Scan(Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            $$""", "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringLike": { "token.actions.githubusercontent.com:sub": "{{subject}}" } }"""), DocumentKind.Trust);

        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.OidcSubjectAnyRepository, finding.Code);
        Assert.Contains(subject, finding.Message);
    }

    [Fact]
    public void GitHubTrust_WithoutSub_IsFlagged_AndPinnedRepositoryIsNot()
    {
        var none = Scan(Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }"""), DocumentKind.Trust);
        var pinned = Scan(Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringLike": { "token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*" } }"""), DocumentKind.Trust);

        Assert.Equal([FindingCodes.OidcSubjectAnyRepository], none.Select(f => f.Code));
        Assert.Empty(pinned);
    }

    [Fact]
    public void PrincipalStar_WithoutCondition_IsFlagged_WithConditionIsNot()
    {
        const string open = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" } ] }""";
        const string guarded = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-abc123def4" } } } ] }""";

        Assert.Equal([FindingCodes.PrincipalStarNoCondition], Scan(open, DocumentKind.Resource).Select(f => f.Code));
        Assert.Empty(Scan(guarded, DocumentKind.Resource));
    }

    [Fact]
    public void AllowWithNotAction_AndNotResource_AreFlagged_DenyIsNot()
    {
        const string allow = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::secret/*" } ] }""";
        const string deny = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::secret/*" } ] }""";

        Assert.Equal([FindingCodes.AllowNotAction, FindingCodes.AllowNotResource], Scan(allow, DocumentKind.Identity).Select(f => f.Code).Order());
        Assert.Empty(Scan(deny, DocumentKind.Identity));
    }

    [Theory]
    [InlineData("iam:PassRole", "*", true)]
    [InlineData("iam:*", "*", true)]
    [InlineData("iam:PassRole", "arn:aws:iam::111111111111:role/LambdaS3ReadRole", false)]
    [InlineData("s3:GetObject", "*", false)]
    public void PassRole_OnEveryResource_IsFlagged(string action, string resource, bool flagged)
    {
        var json = $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "{{action}}", "Resource": "{{resource}}" } ] }""";

        Assert.Equal(flagged, Scan(json, DocumentKind.Identity).Any(f => f.Code == FindingCodes.PassRoleStar));
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
    public async Task Grader_IgnoresFindingsTheScenarioTurnsOff()
    {
        // role-chaining's RoleB trust names another account's role without an ExternalId, and the scenario ignores that code.
        var (_, output, _) = await Repo.Run("grade", "role-chaining", "--submission", Repo.Solution("role-chaining"), "--format", "json");

        Assert.Equal(0, System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("findings").GetArrayLength());
    }
}
