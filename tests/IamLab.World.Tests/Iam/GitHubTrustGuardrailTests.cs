namespace IamLab.World.Tests.Iam;

/// <summary>
/// IAM's guardrail for GitHub Actions trusts (since 2025; IAM User Guide, id_roles_create_for-idp_oidc, GitHub section):
/// CreateRole and UpdateAssumeRolePolicy refuse a trust for token.actions.githubusercontent.com without a scoped sub or
/// job_workflow_ref, with MalformedPolicyDocument and IAM's own text (as real responses give it; AWS's pages do not print it).
/// </summary>
public class GitHubTrustGuardrailTests
{
    private const string Unscoped = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}""";

    private const string IamText = "Trust policy with trusted principal arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, token.actions.githubusercontent.com:sub or token.actions.githubusercontent.com:job_workflow_ref which is not scoped to all.";

    [Fact]
    public void CreateRole_UnscopedGitHubTrust_MalformedPolicyDocumentInIamsWords()
    {
        var lab = new Article();

        var error = lab.Dev1.CreateRole("GitHubActionsRole", Unscoped).Error!;

        Assert.Equal(("MalformedPolicyDocument", IamText), (error.Code, error.Message));
        Assert.Null(lab.World.FindRole("arn:aws:iam::111111111111:role/GitHubActionsRole"));
    }

    [Fact]
    public void UpdateAssumeRolePolicy_UnscopedGitHubTrust_RefusedAndTheOldTrustKept()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("GitHubActionsRole", Article.GitHubTrust).Value;

        var error = lab.Dev1.UpdateAssumeRolePolicy("GitHubActionsRole", Unscoped).Error!;

        Assert.Equal(("MalformedPolicyDocument", IamText), (error.Code, error.Message));
        Assert.Contains("repo:myorg/myrepo:*", lab.World.FindRole("arn:aws:iam::111111111111:role/GitHubActionsRole")!.TrustPolicy.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateRole_ScopedGitHubTrust_IsSaved() =>
        Assert.True(new Article().Dev1.CreateRole("GitHubActionsRole", Article.GitHubTrust).IsSuccess);
}
