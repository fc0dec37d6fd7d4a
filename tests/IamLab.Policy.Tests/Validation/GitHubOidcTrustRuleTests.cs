using IamLab.Policy.Diagnostics;
using IamLab.Policy.Validation;
using Xunit;

namespace IamLab.Policy.Tests.Validation;

/// <summary>
/// IAM's 2025 guardrail for GitHub Actions trusts: CreateRole/UpdateAssumeRolePolicy refuse, with MalformedPolicyDocument, a
/// trust for the provider token.actions.githubusercontent.com that does not compare its sub or job_workflow_ref claim with
/// StringEquals, StringLike or StringEqualsIgnoreCase against something narrower than "*". AWS's documentation describes the
/// requirement (IAM User Guide, id_roles_create_for-idp_oidc, GitHub section) without printing the error; the text asserted
/// here is the one real CreateRole responses gave (public probe transcripts, github.com/Dashtid/subvectors, observations/2026-08-31).
/// </summary>
public class GitHubOidcTrustRuleTests
{
    private const string Provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

    private static string Trust(string condition, string principal = Provider, string action = "sts:AssumeRoleWithWebIdentity") =>
        $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "{{principal}}"}, "Action": "{{action}}"{{(condition.Length == 0 ? "" : ", \"Condition\": " + condition)}}}]}""";

    private static IEnumerable<Diagnostic> Refusals(string json) =>
        PolicyValidator.Validate(json, DocumentKind.Trust).Diagnostics.Where(d => d.Code == "GITHUB_OIDC_SUB_NOT_SCOPED");

    [Fact]
    public void NoCondition_IsAnErrorQuotingIamsRefusal()
    {
        var d = Assert.Single(Refusals(Trust("")));

        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("$.Statement[0].Principal.Federated", d.Path);
        Assert.Equal(
            "IAM refuses to save this trust (MalformedPolicyDocument: \"Trust policy with trusted principal arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, token.actions.githubusercontent.com:sub or token.actions.githubusercontent.com:job_workflow_ref which is not scoped to all.\"): without it a workflow of any GitHub repository could assume the role; add a condition such as \"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:OWNER/REPO:*\"}.",
            d.Message);
    }

    [Theory]
    [InlineData("""{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}""")]
    [InlineData("""{"StringLike": {"token.actions.githubusercontent.com:sub": "*"}}""")]
    [InlineData("""{"StringLike": {"token.actions.githubusercontent.com:sub": ["*", "repo:myorg/myrepo:*"]}}""")]
    [InlineData("""{"StringNotLike": {"token.actions.githubusercontent.com:sub": "repo:evil/*"}}""")]
    [InlineData("""{"StringLikeIfExists": {"token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*"}}""")]
    [InlineData("""{"ForAllValues:StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*"}}""")]
    public void UnscopedSubject_IsRefused(string condition) =>
        Assert.Single(Refusals(Trust(condition)));

    [Theory]
    [InlineData("""{"StringLike": {"token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:*"}}""")]
    [InlineData("""{"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:myorg/myrepo:ref:refs/heads/main"}}""")]
    [InlineData("""{"StringEqualsIgnoreCase": {"token.actions.githubusercontent.com:sub": "repo:MyOrg/MyRepo:environment:prod"}}""")]
    [InlineData("""{"StringLike": {"token.actions.githubusercontent.com:job_workflow_ref": "myorg/deploy/.github/workflows/deploy.yml@refs/heads/main"}}""")]
    [InlineData("""{"StringLike": {"token.actions.githubusercontent.com:sub": ["repo:acme/x", "*"]}}""")]
    [InlineData("""{"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}""")]
    public void ScopedSubject_IsSaved(string condition) =>
        Assert.Empty(Refusals(Trust(condition)));

    [Fact]
    public void EnterpriseIssuer_IsCoveredWithItsOwnKeyNames()
    {
        const string enterprise = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com/octo-inc";

        var d = Assert.Single(Refusals(Trust("", enterprise)));

        Assert.Contains("token.actions.githubusercontent.com/octo-inc:sub or token.actions.githubusercontent.com/octo-inc:job_workflow_ref", d.Message, StringComparison.Ordinal);
        Assert.Empty(Refusals(Trust("""{"StringLike": {"token.actions.githubusercontent.com/octo-inc:sub": "repo:octo-inc/app:*"}}""", enterprise)));
    }

    [Fact]
    public void OtherProvidersAndOtherActions_AreNotConcerned()
    {
        Assert.Empty(Refusals(Trust("", "arn:aws:iam::123456789012:oidc-provider/accounts.google.com")));
        Assert.Empty(Refusals(Trust("", action: "sts:TagSession")));
        Assert.DoesNotContain(PolicyValidator.Validate(Trust(""), DocumentKind.Identity).Diagnostics, d => d.Code == "GITHUB_OIDC_SUB_NOT_SCOPED");
    }
}
