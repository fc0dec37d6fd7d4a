using System.Security.Cryptography;
using System.Text;
using IamLab.World.Federation;
using IamLab.World.Tests.Federation;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IamLab.World.Tests.Sts;

/// <summary>
/// AssumeRoleWithWebIdentity with session tags and a source identity in the token, from an OIDC provider configured
/// for AWS (GitHub Actions never sends these claims). The token carries them in <c>https://aws.amazon.com/tags</c>
/// (<c>principal_tags</c>, <c>transitive_tag_keys</c>; IAM User Guide, "Pass session tags in AWS STS", "Passing session
/// tags using AssumeRoleWithWebIdentity", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html) and
/// <c>https://aws.amazon.com/source_identity</c> ("Monitor and control actions taken with assumed roles",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html); the role's trust
/// must then allow the provider <c>sts:TagSession</c> and <c>sts:SetSourceIdentity</c> (both pages).
/// </summary>
public sealed class FederatedWebIdentityTagsTests : IDisposable
{
    private const string IssuerUrl = "https://idp.lab.example";
    private const string ProviderArn = "arn:aws:iam::111111111111:oidc-provider/idp.lab.example";
    private const string RoleArn = "arn:aws:iam::111111111111:role/AppRole";
    private static readonly GitHubWorkflowClaims Run = GitHubWorkflowClaims.ForBranch("myorg/app");

    private const string AssumeOnlyTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/idp.lab.example"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{"StringEquals":{"idp.lab.example:aud":"sts.amazonaws.com"}}}]}
        """;

    private const string TaggingTrust = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/idp.lab.example"},
           "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"idp.lab.example:aud":"sts.amazonaws.com"}}},
          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/idp.lab.example"},
           "Action":["sts:TagSession","sts:SetSourceIdentity"],
           "Condition":{"StringEquals":{"idp.lab.example:aud":"sts.amazonaws.com"},
                        "StringEqualsIfExists":{"aws:RequestTag/Department":"Engineering","sts:SourceIdentity":"johndoe"}}}]}
        """;

    private readonly LabOidcIssuer issuer;

    public FederatedWebIdentityTagsTests() => issuer = new LabOidcIssuer(Lab.Clock, IssuerUrl, TestKeys.First);

    private Article Lab { get; } = new();

    public void Dispose() => issuer.Dispose();

    private Article With(string trust)
    {
        Lab.World.Federation.RegisterIssuer(issuer);
        _ = Lab.Dev1.CreateOpenIdConnectProvider(IssuerUrl, [OidcTokenOptions.StsAudience], [issuer.Thumbprint]).Value;
        _ = Lab.Dev1.CreateRole("AppRole", trust).Value;
        return Lab;
    }

    private string Token(IReadOnlyDictionary<string, string>? tags = null, IReadOnlyList<string>? transitive = null, string? sourceIdentity = null) =>
        issuer.MintToken(Run, new OidcTokenOptions
        {
            SessionTags = tags ?? new Dictionary<string, string>(),
            TransitiveTagKeys = transitive ?? [],
            SourceIdentity = sourceIdentity,
        });

    private static Dictionary<string, string> Engineering => new() { ["Department"] = "Engineering", ["Project"] = "Automation" };

    [Fact]
    public void WebIdentity_TagsButTrustAllowsOnlyTheRoleAction_AccessDeniedNamingTagSession()
    {
        var lab = With(AssumeOnlyTrust);

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(RoleArn, "app", Token(Engineering)).Error!;

        Assert.Equal(("AccessDenied", "Not authorized to perform sts:TagSession", 403), (error.Code, error.Message, error.HttpStatus));
        Assert.Equal(("sts:TagSession", ProviderArn, "implicitDeny"), (error.Check!.Action, error.Check.CallerArn, error.Check.DecisionName));
    }

    [Fact]
    public void WebIdentity_TagsTheTrustAllows_SessionCarriesTagsAndTransitiveKeys()
    {
        var lab = With(TaggingTrust);

        var result = lab.World.Sts.AssumeRoleWithWebIdentity(RoleArn, "app", Token(Engineering, ["Project"])).Value;

        Assert.Equal(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"], result.Checks.Select(c => c.Action));
        Assert.Equal("Engineering", result.Session.Tags.Single(t => t.Key == "Department").Value);
        Assert.Equal("Automation", result.Session.Tags.Single(t => t.Key == "Project").Value);
        Assert.Equal(["Project"], result.Session.TransitiveTagKeys);
    }

    [Fact]
    public void WebIdentity_TagValueTheTrustRefuses_AccessDeniedNamingTagSession()
    {
        var lab = With(TaggingTrust);

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(RoleArn, "app", Token(new Dictionary<string, string> { ["Department"] = "Finance" })).Error!;

        Assert.Equal("Not authorized to perform sts:TagSession", error.Message);
        Assert.Equal(["Finance"], error.Check!.Context.Lookup("aws:RequestTag/Department"));
        Assert.Equal(["Department"], error.Check.Context.Lookup("aws:TagKeys"));
    }

    [Fact]
    public void WebIdentity_SourceIdentityButTrustWithoutSetSourceIdentity_AccessDeniedNamingSetSourceIdentity()
    {
        var lab = With(AssumeOnlyTrust);

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(RoleArn, "app", Token(sourceIdentity: "johndoe")).Error!;

        Assert.Equal(("AccessDenied", "Not authorized to perform sts:SetSourceIdentity"), (error.Code, error.Message));
    }

    [Theory]
    [InlineData("johndoe", true)]
    [InlineData("janedoe", false)]
    public void WebIdentity_SourceIdentity_DecidedBySourceIdentityCondition(string sourceIdentity, bool allowed)
    {
        var lab = With(TaggingTrust);

        var result = lab.World.Sts.AssumeRoleWithWebIdentity(RoleArn, "app", Token(sourceIdentity: sourceIdentity));

        Assert.Equal(allowed, result.IsSuccess);
        if (allowed)
        {
            Assert.Equal(sourceIdentity, result.Value.SourceIdentity);
            Assert.Equal(["sts:AssumeRoleWithWebIdentity", "sts:SetSourceIdentity"], result.Value.Checks.Select(c => c.Action));
        }
        else
        {
            Assert.Equal(("sts:SetSourceIdentity", "Not authorized to perform sts:SetSourceIdentity"), (result.Error!.Check!.Action, result.Error.Message));
        }
    }

    [Fact]
    public void WebIdentity_MultivaluedSessionTag_InvalidIdentityToken()
    {
        // "You must pass a single value for each session tag. Multivalued session tags are not supported." (IAM User
        // Guide, "Things to know about session tags"); the message is the lab's.
        var lab = With(TaggingTrust);
        var genuine = new JsonWebToken(Token(Engineering));
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(genuine.EncodedPayload)))
            .Replace("[\"Engineering\"]", "[\"Engineering\",\"Marketing\"]", StringComparison.Ordinal);
        Assert.Contains("Marketing", payload, StringComparison.Ordinal);

        var error = lab.World.Sts.AssumeRoleWithWebIdentity(RoleArn, "app", Resign(genuine, payload)).Error!;

        Assert.Equal(("InvalidIdentityToken", 400), (error.Code, error.HttpStatus));
        Assert.Equal("The session tag Department in https://aws.amazon.com/tags must have exactly one string value", error.Message);
    }

    private static string Resign(JsonWebToken genuine, string payload)
    {
        var header = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(genuine.EncodedHeader)));
        var signed = Base64Url(Encoding.UTF8.GetBytes(header)) + "." + Base64Url(Encoding.UTF8.GetBytes(payload));
        var signature = TestKeys.First.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - text.Length % 4) % 4);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
