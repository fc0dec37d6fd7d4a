using IamLab.Interactive.Tests.Extension;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Commands;

[Collection(KernelTestGroup.Name)]
public sealed class FederationCommandTests
{
    [Fact]
    public async Task Saml_sign_in_gives_a_session_with_its_claims()
    {
        using var kernel = new TestKernel(Federated());
        var cell = await kernel.RunAsync($"#!lab-saml --role {SamlRole} --provider {SamlProvider} --user alice --expect allowed");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("AssumeRoleWithSAML", cell.Html);
        Assert.Contains("arn:aws:sts::111111111111:assumed-role/FederatedDeveloperAccess/alice", cell.Html);
        Assert.Contains("SAML:aud", cell.Html);
    }

    [Fact]
    public async Task Saml_to_a_role_the_provider_is_not_trusted_by_is_refused()
    {
        using var kernel = new TestKernel(Federated());
        var cell = await kernel.RunAsync($"#!lab-saml --role {GitHubRole} --provider {SamlProvider} --user alice --expect denied");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("AccessDenied", cell.Html);
    }

    [Fact]
    public async Task GitHub_run_of_the_trusted_repository_gets_a_session()
    {
        using var kernel = new TestKernel(Federated());
        var cell = await kernel.RunAsync($"#!lab-github-oidc --role {GitHubRole} --repo myorg/myrepo --session-name run1 --expect allowed");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("arn:aws:sts::111111111111:assumed-role/GitHubActionsRole/run1", cell.Html);
        Assert.Contains("repo:myorg/myrepo:ref:refs/heads/main", cell.Html);
    }

    [Fact]
    public async Task GitHub_run_of_another_repository_is_refused()
    {
        using var kernel = new TestKernel(Federated());
        var cell = await kernel.RunAsync($"#!lab-github-oidc --role {GitHubRole} --repo attacker/myrepo --expect denied");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("AccessDenied", cell.Html);
        Assert.Contains("repo:attacker/myrepo:ref:refs/heads/main", cell.Html);
        Assert.Empty(kernel.Notebook.World!.Sts.Sessions);
    }

    [Theory]
    [InlineData("#!lab-saml --role arn:aws:iam::111111111111:role/R --provider arn:aws:iam::111111111111:role/NotAProvider --user a", "#!lab-saml: USAGE: --provider must be a SAML provider ARN such as arn:aws:iam::111111111111:saml-provider/NAME, not \"arn:aws:iam::111111111111:role/NotAProvider\".")]
    [InlineData("#!lab-saml --role arn:aws:iam::111111111111:role/R --provider arn:aws:iam::111111111111:saml-provider/P", "#!lab-saml: USAGE: --user is required. Run #!lab-saml --help.")]
    [InlineData("#!lab-saml --role arn:aws:iam::111111111111:role/R --provider arn:aws:iam::111111111111:saml-provider/P --user a --attribute team", "#!lab-saml: USAGE: --attribute: \"team\" is not KEY=VALUE; write --attribute \"KEY=VALUE,KEY=VALUE\".")]
    [InlineData("#!lab-github-oidc --role arn:aws:iam::111111111111:role/R --repo myrepo", "#!lab-github-oidc: USAGE: --repo must be OWNER/REPO, not \"myrepo\".")]
    [InlineData("#!lab-github-oidc --role arn:aws:iam::111111111111:role/R --repo o/r --branch main --environment prod", "#!lab-github-oidc: USAGE: --branch, --environment and --pull-request exclude each other; give at most one.")]
    [InlineData("#!lab-github-oidc --role arn:aws:iam::111111111111:role/R --repo o/r --pull-request first", "#!lab-github-oidc: USAGE: --pull-request must be a pull request number, not \"first\".")]
    [InlineData("#!lab-github-oidc --repo o/r", "#!lab-github-oidc: USAGE: --role is required. Run #!lab-github-oidc --help.")]
    public async Task Bad_arguments_fail_with_a_clear_message(string code, string message)
    {
        using var kernel = new TestKernel(Federated());
        var cell = await kernel.RunAsync(code);

        Assert.Equal(message, cell.Failure);
    }
}
