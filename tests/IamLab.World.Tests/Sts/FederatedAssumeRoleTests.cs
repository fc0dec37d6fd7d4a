using System.Security.Cryptography;
using System.Text;
using IamLab.World.Federation;
using IamLab.World.Tests.Federation;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IamLab.World.Tests.Sts;

/// <summary>
/// AssumeRoleWithSAML and AssumeRoleWithWebIdentity with real tokens from the world's own identity providers
/// (<see cref="LabWorld.Federation"/>) checked by the world's default verifier.
/// </summary>
public class FederatedAssumeRoleTests
{
    private const string GitHubRoleArn = "arn:aws:iam::111111111111:role/GitHubActionsRole";
    private const string SamlRoleArn = "arn:aws:iam::111111111111:role/FederatedDeveloperAccess";
    private const string ProviderArn = "arn:aws:iam::111111111111:saml-provider/MyCompanySSO";
    private const string Issuer = FederationService.DefaultSamlEntityId;

    private const string GitHubTrust = Article.GitHubTrust;

    private const string SamlTrust = Article.SamlTrust;

    private static readonly SamlUser Alice = new()
    {
        NameId = "alice@mycompany.example",
        RoleSessionName = "alice",
        Roles = [new SamlRolePair(SamlRoleArn, ProviderArn)],
    };

    private static Article GitHubLab()
    {
        var lab = new Article();
        _ = lab.World.Federation.ConfigureGitHubIssuer(TestKeys.Second);
        _ = lab.World.Federation.CreateGitHubProvider(Article.Dev).Value;
        _ = lab.Dev1.CreateRole("GitHubActionsRole", GitHubTrust).Value;
        return lab;
    }

    private static Article SamlLab(string trust = SamlTrust)
    {
        var lab = new Article();
        _ = lab.World.Federation.ConfigureSamlIdentityProvider(Issuer, TestKeys.First);
        _ = lab.World.Federation.CreateSamlProvider(Article.Dev, "MyCompanySSO").Value;
        _ = lab.Dev1.CreateRole("FederatedDeveloperAccess", trust).Value;
        return lab;
    }

    [Fact]
    public void WebIdentity_MainBranchOfTheRepo_AllowedWithGitHubConditionKeys()
    {
        var lab = GitHubLab();

        var result = lab.World.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForBranch("myorg/myrepo"), GitHubRoleArn, "gha-run-1").Value;

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/GitHubActionsRole/gha-run-1", result.AssumedRoleUser.Arn);
        Assert.Equal("AssumeRoleWithWebIdentity", result.Session.Source);
        var keys = result.Session.Claims;
        Assert.Equal(["repo:myorg/myrepo:ref:refs/heads/main"], keys["token.actions.githubusercontent.com:sub"]);
        Assert.Equal(["sts.amazonaws.com"], keys["token.actions.githubusercontent.com:aud"]);
        Assert.Equal(["myorg/myrepo"], keys["token.actions.githubusercontent.com:repository"]);
        Assert.Equal(["refs/heads/main"], keys["token.actions.githubusercontent.com:ref"]);
        Assert.Equal(["myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main"], keys["token.actions.githubusercontent.com:job_workflow_ref"]);
        Assert.Equal(["octocat"], keys["token.actions.githubusercontent.com:actor"]);
    }

    [Fact]
    public void WebIdentity_EnvironmentJob_SetsTheEnvironmentKey()
    {
        var lab = GitHubLab();

        var result = lab.World.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForEnvironment("myorg/myrepo", "prod"), GitHubRoleArn, "deploy").Value;

        Assert.Equal(["repo:myorg/myrepo:environment:prod"], result.Session.Claims["token.actions.githubusercontent.com:sub"]);
        Assert.Equal(["prod"], result.Session.Claims["token.actions.githubusercontent.com:environment"]);
    }

    [Fact]
    public void WebIdentity_OtherRepo_AccessDenied()
    {
        var lab = GitHubLab();

        var error = lab.World.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForBranch("evil/fork"), GitHubRoleArn, "gha-run-1").Error!;

        Assert.Equal(("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", 403), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void WebIdentity_TokenFromAnotherKey_InvalidIdentityToken()
    {
        var lab = GitHubLab();
        using var impostor = new LabOidcIssuer(lab.Clock, signingKey: TestKeys.First);

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(GitHubRoleArn, "gha-run-1", impostor.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"))).Error!;

        Assert.Equal(("InvalidIdentityToken", 400), (error.Code, error.HttpStatus));
        Assert.Equal("Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements", error.Message);
    }

    [Fact]
    public void WebIdentity_RealKeyIdButAnotherKeysSignature_InvalidIdentityToken()
    {
        var lab = GitHubLab();
        var genuine = new JsonWebToken(lab.World.Federation.IssueGitHubToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")));
        var header = Base64Url($$"""{"alg":"RS256","kid":"{{lab.World.Federation.GitHubIssuer.KeyId}}","typ":"JWT"}""");
        var signature = TestKeys.First.SignData(Encoding.ASCII.GetBytes(header + "." + genuine.EncodedPayload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var forged = $"{header}.{genuine.EncodedPayload}.{Base64Url(signature)}";

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(GitHubRoleArn, "gha-run-1", forged).Error!;

        // The code is AWS's; the message for a bad signature under a known key is the lab's wording.
        Assert.Equal("InvalidIdentityToken", error.Code);
        Assert.Equal("Couldn't verify the token signature with the identity provider's key", error.Message);
    }

    [Fact]
    public void WebIdentity_ExpiredToken_ExpiredTokenExceptionWithBothTimes()
    {
        var lab = GitHubLab();
        var jwt = lab.World.Federation.IssueGitHubToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"));
        var expiry = lab.Clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        lab.Clock.Advance(TimeSpan.FromMinutes(6));

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(GitHubRoleArn, "gha-run-1", jwt).Error!;

        Assert.Equal(("ExpiredTokenException", 400), (error.Code, error.HttpStatus));
        Assert.Equal($"Token expired: current date/time {lab.Clock.GetUtcNow().ToUnixTimeSeconds()} must be before the expiration date/time {expiry}", error.Message);
    }

    [Fact]
    public void WebIdentity_AnotherAudience_InvalidIdentityToken()
    {
        var lab = GitHubLab();
        var jwt = lab.World.Federation.IssueGitHubToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"), new OidcTokenOptions { Audience = "https://github.com/myorg" });

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(GitHubRoleArn, "gha-run-1", jwt).Error!;

        Assert.Equal(("InvalidIdentityToken", "Incorrect token audience"), (error.Code, error.Message));
    }

    [Fact]
    public void WebIdentity_NoProviderInTheRolesAccount_InvalidIdentityToken()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("GitHubActionsRole", GitHubTrust).Value;

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(GitHubRoleArn, "gha-run-1", lab.World.Federation.IssueGitHubToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"))).Error!;

        Assert.Equal(("InvalidIdentityToken", "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com"), (error.Code, error.Message));
    }

    [Fact]
    public void Saml_SignedByTheLabIdp_AllowedWithSamlConditionKeys()
    {
        var lab = SamlLab();

        var result = lab.World.Federation.SignInWithSaml(Alice, SamlRoleArn, ProviderArn).Value;

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/FederatedDeveloperAccess/alice", result.AssumedRoleUser.Arn);
        var keys = result.Session.Claims;
        Assert.Equal(["https://signin.aws.amazon.com/saml"], keys["SAML:aud"]);
        Assert.Equal(["alice@mycompany.example"], keys["SAML:sub"]);
        Assert.Equal(["persistent"], keys["SAML:sub_type"]);
        Assert.Equal([Issuer], keys["SAML:iss"]);
        Assert.Equal([NameQualifier(Issuer, "111111111111", "MyCompanySSO")], keys["SAML:namequalifier"]);
    }

    [Fact]
    public void Saml_TrustPolicyOnSubjectAndNameQualifier_AdmitsOnlyThatUser()
    {
        var qualifier = NameQualifier(Issuer, "111111111111", "MyCompanySSO");
        var trust = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Federated":"PROVIDER"},"Action":"sts:AssumeRoleWithSAML",
              "Condition":{"StringEquals":{"SAML:sub":"alice@mycompany.example","SAML:sub_type":"persistent","SAML:iss":"ISSUER",
                                           "SAML:namequalifier":"QUALIFIER"}}}]}
            """.Replace("PROVIDER", ProviderArn).Replace("ISSUER", Issuer).Replace("QUALIFIER", qualifier);
        var lab = SamlLab(trust);

        var alice = lab.World.Federation.SignInWithSaml(Alice, SamlRoleArn, ProviderArn);
        var bob = lab.World.Federation.SignInWithSaml(Alice with { NameId = "bob@mycompany.example", RoleSessionName = "bob" }, SamlRoleArn, ProviderArn);

        Assert.True(alice.IsSuccess, alice.ToString());
        Assert.Equal(("AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML"), (bob.Error!.Code, bob.Error.Message));
    }

    [Fact]
    public void Saml_SignedWithAnotherKey_ResponseSignatureInvalid()
    {
        var lab = SamlLab();
        using var impostor = new LabSamlIdentityProvider(Issuer, lab.Clock, TestKeys.Second);

        var error = lab.World.Sts.AssumeRoleWithSaml(SamlRoleArn, ProviderArn, impostor.IssueResponse(Alice)).Error!;

        Assert.Equal(("InvalidIdentityToken", "Response signature invalid", 400), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void Saml_StaleResponse_ExpiredTokenException()
    {
        var lab = SamlLab();
        var response = lab.World.Federation.IssueSamlResponse(Alice);
        lab.Clock.Advance(TimeSpan.FromMinutes(6));

        var error = lab.World.Sts.AssumeRoleWithSaml(SamlRoleArn, ProviderArn, response).Error!;

        Assert.Equal(("ExpiredTokenException", "Token must be redeemed within 5 minutes of issuance"), (error.Code, error.Message));
    }

    [Fact]
    public void Saml_AnotherAudience_InvalidIdentityToken()
    {
        var lab = SamlLab();

        var error = lab.World.Federation.SignInWithSaml(Alice, SamlRoleArn, ProviderArn, options: new SamlIssueOptions { Audience = "https://app.example.com/sp" }).Error!;

        // The code is AWS's; the message is the lab's wording (AWS's text for this case is not documented).
        Assert.Equal("InvalidIdentityToken", error.Code);
        Assert.Equal("Invalid SAML response: Audience 'https://app.example.com/sp' does not include https://signin.aws.amazon.com/saml", error.Message);
    }

    [Fact]
    public void Saml_RoleNotInTheAssertion_InvalidIdentityToken()
    {
        var lab = SamlLab();
        _ = lab.Dev1.CreateRole("Other", SamlTrust).Value;

        var error = lab.World.Sts.AssumeRoleWithSaml("arn:aws:iam::111111111111:role/Other", ProviderArn, lab.World.Federation.IssueSamlResponse(Alice)).Error!;

        Assert.Equal(("InvalidIdentityToken", "SAML Assertion doesn't contain the requested Role and Metadata in the attributes"), (error.Code, error.Message));
    }

    // AWS documents SAML:namequalifier as BASE64(SHA1(issuer + account id + "/" + provider name)).
#pragma warning disable CA5350 // SHA-1 is what AWS uses for this value; nothing is protected by it here.
    private static string NameQualifier(string issuer, string account, string provider) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(issuer + account + "/" + provider)));
#pragma warning restore CA5350

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
