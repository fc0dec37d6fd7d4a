using IamLab.Policy.Diagnostics;
using IamLab.Policy.Validation;
using Xunit;

namespace IamLab.Policy.Tests.Validation;

/// <summary>
/// The validator is the one checker of policy-level security findings (the grader reports them under these codes):
/// OIDC trusts that do not pin the audience or the repository, open principals, Allow with NotAction or NotResource,
/// iam:PassRole on everything.
/// </summary>
public class SecurityFindingsTests
{
    private const string GitHub = """{ "Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }""";

    private static IReadOnlyList<Diagnostic> Security(string json, DocumentKind kind) =>
        PolicyValidator.Validate(json, kind).Diagnostics.Where(d => d.Severity == Severity.SecurityWarning).ToList();

    private static string Trust(string principal, string action, string condition = "") => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Principal": {{principal}}, "Action": "{{action}}"{{condition}} }
          ]
        }
        """;

    [Fact]
    public void OidcTrust_WithoutAud_IsFlaggedOnThePrincipal_SayingWhatTheRiskReallyIs()
    {
        // STS refuses a web identity token whose aud is none of the provider's client IDs before it reads the trust
        // (IAM User Guide, id_roles_providers_create_oidc: the audience must be registered with the provider), so the
        // finding may not claim that "any application" of the issuer gets in: only tokens minted for another of its audiences.
        var finding = Assert.Single(Security(Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringLike": { "token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*" } }"""), DocumentKind.Trust));

        Assert.Equal(PolicyCodes.OidcNoAudience, finding.Code);
        Assert.Equal("$.Statement[0].Principal", finding.Path);
        Assert.Equal(4, finding.Position.Line);
        Assert.Equal("The trust for token.actions.githubusercontent.com has no condition on \"token.actions.githubusercontent.com:aud\": STS already refuses a token whose aud is not one of the provider's client IDs, but a token minted for any of those audiences (another application's) could assume the role; require the one this role is for.",
            finding.Message);
    }

    [Theory]
    [InlineData("repo:*")]
    [InlineData("repo:myorg/*")]
    [InlineData("repo:*/myrepo:*")]
    [InlineData("repo:myorg:*")]
    public void GitHubTrust_WhoseSubAdmitsMoreThanOneRepository_IsFlaggedOnTheValue(string subject)
    {
        var json = Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            $$""", "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringLike": { "token.actions.githubusercontent.com:sub": "{{subject}}" } }""");

        var finding = Assert.Single(Security(json, DocumentKind.Trust));

        Assert.Equal(PolicyCodes.OidcSubjectAnyRepository, finding.Code);
        Assert.Equal("$.Statement[0].Condition.StringLike.token.actions.githubusercontent.com:sub", finding.Path);
        Assert.Equal($"\"{subject}\" admits workflows of more than one repository; name the owner and the repository exactly (repo:OWNER/REPO:...).", finding.Message);
    }

    [Fact]
    public void GitHubTrust_ThatIamRefuses_GetsTheErrorAlone_NotTheSecurityFindingsForTheSameSub()
    {
        // "sub": "*" and no sub at all are IAM's MalformedPolicyDocument (GITHUB_OIDC_SUB_NOT_SCOPED): one problem, one code.
        var star = Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringLike": { "token.actions.githubusercontent.com:sub": "*" } }""");
        var none = Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }""");

        foreach (var json in new[] { star, none })
        {
            var diagnostics = PolicyValidator.Validate(json, DocumentKind.Trust).Diagnostics;
            Assert.Equal([PolicyCodes.GitHubOidcSubjectNotScoped], diagnostics.Where(d => d.Severity <= Severity.SecurityWarning).Select(d => d.Code));
        }
    }

    [Fact]
    public void GitHubTrust_ScopedByTheReusableWorkflowAlone_IsFlaggedForTheRepository_AndAPinnedRepositoryIsNot()
    {
        var workflowOnly = Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:job_workflow_ref": "myorg/shared/.github/workflows/deploy.yml@refs/heads/main" } }""");
        var pinned = Trust(GitHub, "sts:AssumeRoleWithWebIdentity",
            """, "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringLike": { "token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*" } }""");

        var finding = Assert.Single(Security(workflowOnly, DocumentKind.Trust));
        Assert.Equal(PolicyCodes.OidcSubjectAnyRepository, finding.Code);
        Assert.Equal("The trust has no condition on \"token.actions.githubusercontent.com:sub\", so a workflow in any GitHub repository, anyone's, could assume the role.", finding.Message);
        Assert.Empty(Security(pinned, DocumentKind.Trust));
    }

    [Fact]
    public void PrincipalStar_WithoutCondition_InAResourcePolicy_IsFlagged_WithConditionIsNot()
    {
        const string open = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" } ] }""";
        const string guarded = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-abc123def4" } } } ] }""";

        var finding = Assert.Single(Security(open, DocumentKind.Resource));
        Assert.Equal(PolicyCodes.PublicResourcePolicy, finding.Code);
        Assert.Equal("\"Principal\": \"*\" with no Condition lets anyone, in any AWS account or none, use this statement.", finding.Message);
        Assert.Empty(Security(guarded, DocumentKind.Resource));
    }

    [Fact]
    public void ResourceControlPolicy_NamingStar_AsAwsRequires_IsNotFlagged()
    {
        // RCPs must name "Principal": "*" (AWS Organizations User Guide, orgs_manage_policies_rcps_syntax).
        const string rcp = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*" } ] }""";

        Assert.DoesNotContain(Security(rcp, DocumentKind.ResourceControl), d => d.Code is PolicyCodes.PublicResourcePolicy or PolicyCodes.PublicTrust);
    }

    [Fact]
    public void AllowWithNotAction_AndNotResource_AreFlagged_InATrustToo_DenyIsNot()
    {
        const string allow = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::secret/*" } ] }""";
        const string deny = """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::secret/*" } ] }""";
        var trust = Trust("""{ "AWS": "arn:aws:iam::111111111111:root" }""", "x").Replace("\"Action\": \"x\"", "\"NotAction\": \"sts:TagSession\"", StringComparison.Ordinal);

        var found = Security(allow, DocumentKind.Identity);
        Assert.Equal([PolicyCodes.AllowWithNotAction, PolicyCodes.AllowWithNotResource], found.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.Equal("\"Allow\" with \"NotAction\" grants every action except those listed, including ones added to AWS later; list the actions to allow instead.", found.Single(f => f.Code == PolicyCodes.AllowWithNotAction).Message);
        Assert.Empty(Security(deny, DocumentKind.Identity));
        Assert.Equal([PolicyCodes.AllowWithNotAction], Security(trust, DocumentKind.Trust).Select(f => f.Code));
    }

    [Theory]
    [InlineData("iam:PassRole", "*", true)]
    [InlineData("iam:*", "*", true)]
    [InlineData("*", "*", true)]
    [InlineData("iam:PassRole", "arn:aws:iam::111111111111:role/LambdaS3ReadRole", false)]
    [InlineData("s3:GetObject", "*", false)]
    public void PassRole_OnEveryResource_IsFlagged(string action, string resource, bool flagged)
    {
        var json = $$"""{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "{{action}}", "Resource": "{{resource}}" } ] }""";

        Assert.Equal(flagged, Security(json, DocumentKind.Identity).Any(f => f.Code == PolicyCodes.PassRoleWithStarInResource));
    }
}
