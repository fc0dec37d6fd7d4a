using IamLab.World.Federation;

namespace IamLab.World.Tests.ArticleWalkthrough;

/// <summary>
/// The article's "Federated Access" section with real signed tokens: the SAML provider MyCompanySSO and the role
/// FederatedDeveloperAccess (SAML:aud = https://signin.aws.amazon.com/saml, PowerUserAccess); the GitHub Actions OIDC
/// provider (client id sts.amazonaws.com, the article's thumbprint) and GitHubActionsRole (repo:myorg/myrepo:*,
/// AmazonS3FullAccess).
/// </summary>
public class FederationWalkthroughTests
{
    private const string ProviderArn = "arn:aws:iam::111111111111:saml-provider/MyCompanySSO";
    private const string SamlRoleArn = "arn:aws:iam::111111111111:role/FederatedDeveloperAccess";
    private const string GitHubRoleArn = "arn:aws:iam::111111111111:role/GitHubActionsRole";

    private const string SamlTrust = Article.SamlTrust;

    private const string GitHubTrust = Article.GitHubTrust;

    private static readonly SamlUser Developer = new()
    {
        NameId = "dev@mycompany.example",
        RoleSessionName = "dev",
        Roles = [new SamlRolePair(SamlRoleArn, ProviderArn)],
    };

    private static Article SamlLab()
    {
        var lab = new Article();
        var provider = lab.World.Federation.CreateSamlProvider(Article.Dev, "MyCompanySSO").Value;
        Assert.Equal(ProviderArn, provider.Arn);
        _ = lab.Dev1.CreateRole("FederatedDeveloperAccess", SamlTrust).Value;
        _ = lab.Dev1.AttachRolePolicy("FederatedDeveloperAccess", "arn:aws:iam::aws:policy/PowerUserAccess").Value;
        return lab;
    }

    private static Article GitHubLab()
    {
        var lab = new Article();
        _ = lab.World.Federation.CreateGitHubProvider(Article.Dev, ["sts.amazonaws.com"], ["6938fd4d98bab03faadb97b34396831e3780aea1"]).Value;
        _ = lab.Dev1.CreateRole("GitHubActionsRole", GitHubTrust).Value;
        _ = lab.Dev1.AttachRolePolicy("GitHubActionsRole", Article.S3Full).Value;
        return lab;
    }

    [Fact]
    public void MyCompanySso_SignInAsAPowerUser()
    {
        var lab = SamlLab();

        var session = lab.World.Federation.SignInWithSaml(Developer, SamlRoleArn, ProviderArn).Value;

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/FederatedDeveloperAccess/dev", session.AssumedRoleUser.Arn);
        Assert.Equal(["https://signin.aws.amazon.com/saml"], session.Session.Claims["SAML:aud"]);
        Assert.True(lab.World.Authorize(session.Credentials, "ec2:RunInstances", "*").Value.IsAllowed);
        // PowerUserAccess leaves out IAM user management.
        Assert.False(lab.World.Authorize(session.Credentials, "iam:CreateUser", "arn:aws:iam::111111111111:user/x").Value.IsAllowed);
    }

    [Fact]
    public void MyCompanySso_ResponseForARegionalEndpoint_FailsTheSamlAudCondition()
    {
        var lab = SamlLab();
        var regional = new SamlIssueOptions { Recipient = "https://us-east-1.signin.aws.amazon.com/saml" };

        var error = lab.World.Federation.SignInWithSaml(Developer, SamlRoleArn, ProviderArn, options: regional).Error!;

        Assert.Equal(("AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML"), (error.Code, error.Message));
    }

    /// <summary>
    /// AWS recommends listing regional sign-in endpoints in SAML:aud, which holds the Recipient of the assertion's
    /// SubjectConfirmationData (IAM User Guide, "Create a role for SAML 2.0 federation",
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html; the endpoints are listed in
    /// https://docs.aws.amazon.com/general/latest/gr/signin-service.html): a response posted to a regional endpoint that
    /// the trust lists is accepted, and SAML:aud is that Recipient, not the assertion's Audience.
    /// </summary>
    [Fact]
    public void MyCompanySso_ResponseForARegionalEndpointTheTrustLists_IsAccepted()
    {
        var lab = SamlLab();
        _ = lab.Dev1.UpdateAssumeRolePolicy("FederatedDeveloperAccess", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},
              "Action":"sts:AssumeRoleWithSAML",
              "Condition":{"StringEquals":{"SAML:aud":["https://signin.aws.amazon.com/saml","https://us-west-2.signin.aws.amazon.com/saml"]}}}]}
            """).Value;
        var regional = new SamlIssueOptions { Audience = "urn:amazon:webservices", Recipient = "https://us-west-2.signin.aws.amazon.com/saml" };

        var session = lab.World.Federation.SignInWithSaml(Developer, SamlRoleArn, ProviderArn, options: regional).Value;

        Assert.Equal(["https://us-west-2.signin.aws.amazon.com/saml"], session.Session.Claims["SAML:aud"]);
    }

    [Fact]
    public void GitHubActions_MainBranchOfMyorgMyrepo_DeploysToS3()
    {
        var lab = GitHubLab();

        var session = lab.World.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForBranch("myorg/myrepo"), GitHubRoleArn, "GitHubActions").Value;

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/GitHubActionsRole/GitHubActions", session.AssumedRoleUser.Arn);
        Assert.True(lab.World.Authorize(session.Credentials, "s3:PutObject", "arn:aws:s3:::my-website-bucket/index.html").Value.IsAllowed);
    }

    [Fact]
    public void GitHubActions_PullRequestOfTheSameRepo_AlsoMatchesTheWildcard()
    {
        var lab = GitHubLab();

        Assert.True(lab.World.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForPullRequest("myorg/myrepo"), GitHubRoleArn, "pr").IsSuccess);
    }

    [Fact]
    public void GitHubActions_AnotherRepo_Refused()
    {
        var lab = GitHubLab();

        var error = lab.World.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForBranch("myorg/otherrepo"), GitHubRoleArn, "GitHubActions").Error!;

        Assert.Equal(("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"), (error.Code, error.Message));
    }
}
