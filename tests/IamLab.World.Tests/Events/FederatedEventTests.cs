using System.Text.Json.Nodes;
using IamLab.World.Events;
using IamLab.World.Federation;
using IamLab.World.Tests.Federation;

namespace IamLab.World.Tests.Events;

/// <summary>
/// The CloudTrail records of AssumeRoleWithSAML and AssumeRoleWithWebIdentity whose assertion or token carries session
/// tags, transitive tag keys or a source identity. AWS: <c>requestParameters</c> holds <c>principalTags</c> (an object of
/// key and value), <c>transitiveTagKeys</c> and, for SAML, <c>roleSessionName</c> (IAM User Guide, "Logging IAM and AWS
/// STS API calls with AWS CloudTrail", the example AssumeRoleWithSAML and AssumeRoleWithWebIdentity entries,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html); <c>sourceIdentity</c> is in
/// <c>requestParameters</c> of all three AssumeRole calls, in <c>responseElements</c>, and in
/// <c>userIdentity.sessionContext</c> of each later call made with the session (CloudTrail User Guide, "CloudTrail
/// userIdentity element", "AWS STS source identity",
/// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
/// </summary>
public sealed class FederatedEventTests : IDisposable
{
    private const string SamlRoleArn = "arn:aws:iam::111111111111:role/FederatedDeveloperAccess";
    private const string SamlProviderArn = "arn:aws:iam::111111111111:saml-provider/MyCompanySSO";
    private const string IssuerUrl = "https://idp.lab.example";
    private const string OidcRoleArn = "arn:aws:iam::111111111111:role/AppRole";

    private const string SamlTaggingTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},
          "Action":["sts:AssumeRoleWithSAML","sts:TagSession","sts:SetSourceIdentity"],
          "Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}
        """;

    private const string OidcTaggingTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/idp.lab.example"},
          "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession","sts:SetSourceIdentity"],
          "Condition":{"StringEquals":{"idp.lab.example:aud":"sts.amazonaws.com"}}}]}
        """;

    private static readonly SamlUser Alice = new()
    {
        NameId = "alice@mycompany.example",
        RoleSessionName = "alice",
        Roles = [new SamlRolePair(SamlRoleArn, SamlProviderArn)],
    };

    private static readonly SamlUser TaggedAlice = Alice with
    {
        PrincipalTags = new Dictionary<string, string> { ["team"] = "platform", ["cost-center"] = "1234" },
        TransitiveTagKeys = ["team"],
        SourceIdentity = "alice",
    };

    private readonly LabOidcIssuer issuer;

    public FederatedEventTests() => issuer = new LabOidcIssuer(Lab.Clock, IssuerUrl, TestKeys.First);

    private Article Lab { get; } = new();

    public void Dispose() => issuer.Dispose();

    private Article Saml(string trust)
    {
        _ = Lab.World.Federation.ConfigureSamlIdentityProvider(FederationService.DefaultSamlEntityId, TestKeys.First);
        _ = Lab.World.Federation.CreateSamlProvider(Article.Dev, "MyCompanySSO").Value;
        _ = Lab.Dev1.CreateRole("FederatedDeveloperAccess", trust).Value;
        return Lab;
    }

    private Article Oidc()
    {
        Lab.World.Federation.RegisterIssuer(issuer);
        _ = Lab.Dev1.CreateOpenIdConnectProvider(IssuerUrl, [OidcTokenOptions.StsAudience], [issuer.Thumbprint]).Value;
        _ = Lab.Dev1.CreateRole("AppRole", OidcTaggingTrust).Value;
        return Lab;
    }

    private string Token(OidcTokenOptions options) => issuer.MintToken(GitHubWorkflowClaims.ForBranch("myorg/app"), options);

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    [Fact]
    public void Saml_TagsTransitiveKeysAndSourceIdentity_InRequestResponseAndLaterCallsSessionContext()
    {
        var lab = Saml(SamlTaggingTrust);

        var result = lab.World.Federation.SignInWithSaml(TaggedAlice, SamlRoleArn, SamlProviderArn).Value;
        _ = lab.World.Sts.GetCallerIdentity(result.Credentials).Value;

        var (assumed, later) = (lab.World.Events.Events()[0], lab.World.Events.Events()[1]);
        Assert.Equal(("AssumeRoleWithSAML", "SAMLUser", null), (assumed.EventName, assumed.UserIdentity.Type, assumed.ErrorCode));
        AssertJson("""
            {"roleArn":"arn:aws:iam::111111111111:role/FederatedDeveloperAccess",
             "principalArn":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO",
             "roleSessionName":"alice",
             "principalTags":{"team":"platform","cost-center":"1234"},
             "transitiveTagKeys":["team"],
             "sourceIdentity":"alice"}
            """, assumed.RequestParameters);
        Assert.Equal("alice", assumed.ResponseElements!["sourceIdentity"]!.GetValue<string>());
        Assert.Equal(("GetCallerIdentity", "alice"), (later.EventName, later.UserIdentity.SessionContext!.SourceIdentity));
    }

    [Fact]
    public void Saml_NoTagsNorSourceIdentity_RecordsTheSessionNameAndNoneOfThem()
    {
        var lab = Saml(SamlTaggingTrust);

        _ = lab.World.Federation.SignInWithSaml(Alice, SamlRoleArn, SamlProviderArn).Value;

        var e = Assert.Single(lab.World.Events.Events());
        AssertJson("""
            {"roleArn":"arn:aws:iam::111111111111:role/FederatedDeveloperAccess",
             "principalArn":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO",
             "roleSessionName":"alice"}
            """, e.RequestParameters);
        Assert.False(e.ResponseElements!.ContainsKey("sourceIdentity"));
    }

    [Fact]
    public void Saml_TagsTheTrustRefuses_RefusalRecordsTheTagsAsked()
    {
        var lab = Saml(Article.SamlTrust);

        var error = lab.World.Federation.SignInWithSaml(TaggedAlice with { SourceIdentity = null }, SamlRoleArn, SamlProviderArn).Error!;

        var e = Assert.Single(lab.World.Events.Events());
        Assert.Equal(("AccessDenied", "Not authorized to perform sts:TagSession"), (e.ErrorCode, error.Message));
        AssertJson("""{"team":"platform","cost-center":"1234"}""", e.RequestParameters!["principalTags"]);
        AssertJson("""["team"]""", e.RequestParameters["transitiveTagKeys"]);
        Assert.Null(e.ResponseElements);
    }

    [Fact]
    public void WebIdentity_TagsTransitiveKeysAndSourceIdentityOnlyOnTheCallThatCarriedThem()
    {
        var lab = Oidc();
        var tagged = Token(new OidcTokenOptions
        {
            SessionTags = new Dictionary<string, string> { ["Department"] = "Engineering", ["Project"] = "Automation" },
            TransitiveTagKeys = ["Project"],
            SourceIdentity = "johndoe",
        });

        var result = lab.World.Sts.AssumeRoleWithWebIdentity(OidcRoleArn, "app", tagged).Value;
        _ = lab.World.Sts.GetCallerIdentity(result.Credentials).Value;
        _ = lab.World.Sts.AssumeRoleWithWebIdentity(OidcRoleArn, "plain", Token(new OidcTokenOptions())).Value;

        var (assumed, later, plain) = (lab.World.Events.Events()[0], lab.World.Events.Events()[1], lab.World.Events.Events()[2]);
        Assert.Equal(("AssumeRoleWithWebIdentity", "WebIdentityUser", "idp.lab.example"), (assumed.EventName, assumed.UserIdentity.Type, assumed.UserIdentity.IdentityProvider));
        AssertJson("""
            {"roleArn":"arn:aws:iam::111111111111:role/AppRole","roleSessionName":"app","durationSeconds":3600,
             "principalTags":{"Department":"Engineering","Project":"Automation"},
             "transitiveTagKeys":["Project"],
             "sourceIdentity":"johndoe"}
            """, assumed.RequestParameters);
        Assert.Equal("johndoe", assumed.ResponseElements!["sourceIdentity"]!.GetValue<string>());
        Assert.Equal("johndoe", later.UserIdentity.SessionContext!.SourceIdentity);
        AssertJson("""{"roleArn":"arn:aws:iam::111111111111:role/AppRole","roleSessionName":"plain","durationSeconds":3600}""", plain.RequestParameters);
        Assert.False(plain.ResponseElements!.ContainsKey("sourceIdentity"));
    }

    [Fact]
    public void WebIdentity_Json_WritesPrincipalTagsTransitiveKeysAndSourceIdentity()
    {
        var lab = Oidc();
        var token = Token(new OidcTokenOptions
        {
            SessionTags = new Dictionary<string, string> { ["Department"] = "Engineering" },
            TransitiveTagKeys = ["Department"],
            SourceIdentity = "johndoe",
        });
        _ = lab.World.Sts.AssumeRoleWithWebIdentity(OidcRoleArn, "app", token).Value;

        var json = JsonNode.Parse(TrailJson.ToLine(Assert.Single(lab.World.Events.Events())))!;

        AssertJson("""{"Department":"Engineering"}""", json["requestParameters"]!["principalTags"]);
        AssertJson("""["Department"]""", json["requestParameters"]!["transitiveTagKeys"]);
        Assert.Equal(("johndoe", "johndoe"), (json["requestParameters"]!["sourceIdentity"]!.GetValue<string>(), json["responseElements"]!["sourceIdentity"]!.GetValue<string>()));
    }
}
