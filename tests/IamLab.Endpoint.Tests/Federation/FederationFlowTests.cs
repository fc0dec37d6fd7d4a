using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.World;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace IamLab.Endpoint.Tests.Federation;

/// <summary>
/// The SAML and GitHub Actions OIDC flows end to end over HTTP: the lab identity providers issue the assertion or the
/// token, the unsigned STS call exchanges it for role credentials, and those credentials act as the role.
/// </summary>
public sealed class FederationFlowTests
{
    private const string Account = "111111111111";
    private const string SamlProviderArn = "arn:aws:iam::111111111111:saml-provider/LabIdP";
    private const string SamlRoleArn = "arn:aws:iam::111111111111:role/FederatedDeveloperAccess";
    private const string GitHubRoleArn = "arn:aws:iam::111111111111:role/GitHubDeploy";

    [Fact]
    public async Task Saml_MetadataThenResponseThenAssumeRoleWithSaml_GivesCredentialsActingAsTheRole()
    {
        await using var server = await LabServer.StartAsync(w => w.CreateAccount(Account));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        var metadata = await http.GetStringAsync("/_lab/saml/metadata");
        Seed(server, world =>
        {
            Ok(world.Iam(Account).CreateSamlProvider("LabIdP", metadata).Error);
            Ok(world.Iam(Account).CreateRole("FederatedDeveloperAccess", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/LabIdP"},
                  "Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}
                """).Error);
        });

        using var issued = await http.PostAsJsonAsync("/_lab/saml/response", new
        {
            nameId = "alice@example.com",
            roleSessionName = "alice",
            roles = new[] { new { roleArn = SamlRoleArn, providerArn = SamlProviderArn } },
        });
        var samlResponse = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("SAMLResponse").GetString();
        using var anonymous = server.Sts(new AnonymousAWSCredentials());
        var assumed = await anonymous.AssumeRoleWithSAMLAsync(new AssumeRoleWithSAMLRequest
        {
            RoleArn = SamlRoleArn, PrincipalArn = SamlProviderArn, SAMLAssertion = samlResponse,
        });
        using var asRole = server.Sts(assumed.Credentials);
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/FederatedDeveloperAccess/alice", identity.Arn);
        Assert.Equal("alice@example.com", assumed.Subject);
    }

    [Fact]
    public async Task Oidc_TokenForTheTrustedRepository_AssumesTheRole_AndAnotherRepositoryIsRefused()
    {
        await using var server = await LabServer.StartAsync(w => w.CreateAccount(Account));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        var provider = await http.GetFromJsonAsync<JsonElement>("/_lab/oidc/thumbprint");
        Seed(server, world =>
        {
            Ok(world.Iam(Account).CreateOpenIdConnectProvider(provider.GetProperty("url").GetString()!, ["sts.amazonaws.com"],
                [provider.GetProperty("thumbprint").GetString()!]).Error);
            Ok(world.Iam(Account).CreateRole("GitHubDeploy", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},
                  "Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
                               "StringLike":{"token.actions.githubusercontent.com:sub":"repo:myorg/myrepo:ref:refs/heads/main"}}}]}
                """).Error);
        });
        using var anonymous = server.Sts(new AnonymousAWSCredentials());

        var trusted = await TokenAsync(http, "/_lab/oidc/token?repository=myorg/myrepo&ref=refs/heads/main");
        var assumed = await anonymous.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = GitHubRoleArn, RoleSessionName = "deploy-1", WebIdentityToken = trusted,
        });
        var fork = await TokenAsync(http, "/_lab/oidc/token?repository=attacker/myrepo");
        var refused = await Assert.ThrowsAnyAsync<AmazonSecurityTokenServiceException>(() => anonymous.AssumeRoleWithWebIdentityAsync(
            new AssumeRoleWithWebIdentityRequest { RoleArn = GitHubRoleArn, RoleSessionName = "deploy-2", WebIdentityToken = fork }));

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/GitHubDeploy/deploy-1", assumed.AssumedRoleUser.Arn);
        Assert.Equal("repo:myorg/myrepo:ref:refs/heads/main", assumed.SubjectFromWebIdentityToken);
        Assert.Equal("AccessDenied", refused.ErrorCode);
    }

    [Fact]
    public async Task Oidc_DiscoveryNamesGitHubsIssuerAndTheLabsKeySet_WhoseKeySignsTheTokens()
    {
        await using var server = await LabServer.StartAsync(w => w.CreateAccount(Account));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        var discovery = await http.GetFromJsonAsync<JsonElement>("/_lab/oidc/.well-known/openid-configuration");
        var jwks = await http.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());
        var token = new JsonWebToken(await TokenAsync(http, "/_lab/oidc/token?repository=myorg/myrepo&environment=prod"));

        Assert.Equal("https://token.actions.githubusercontent.com", discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{server.Url}/_lab/oidc/.well-known/jwks", discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal(token.Kid, jwks.GetProperty("keys")[0].GetProperty("kid").GetString());
        Assert.Equal("repo:myorg/myrepo:environment:prod", token.Subject);
        Assert.Equal("https://token.actions.githubusercontent.com", token.Issuer);
        Assert.Equal(["sts.amazonaws.com"], token.Audiences);
    }

    [Theory]
    [InlineData("{not json", "InvalidRequestBody")]
    [InlineData("{\"roles\":[]}", "MissingField")]
    [InlineData("{\"nameId\":\"alice\",\"roles\":[{\"roleArn\":\"arn:aws:iam::111111111111:role/X\"}]}", "MissingField")]
    public async Task SamlResponse_BadRequests_GetA400WithACode(string body, string code)
    {
        await using var server = await LabServer.StartAsync(w => w.CreateAccount(Account));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        using var response = await http.PostAsync("/_lab/saml/response", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OidcToken_WithoutARepository_GetsA400NamingTheField()
    {
        await using var server = await LabServer.StartAsync(w => w.CreateAccount(Account));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        using var response = await http.GetAsync("/_lab/oidc/token");
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request needs \"repository\".", error.GetProperty("message").GetString());
    }

    private static async Task<string> TokenAsync(HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonElement>(path)).GetProperty("value").GetString()!;

    private static void Seed(LabServer server, Action<LabWorld> change)
    {
        lock (server.Endpoint.State.WorldGate)
        {
            change(server.World);
        }
    }

    private static void Ok(object? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Seeding failed: {error}");
        }
    }
}
