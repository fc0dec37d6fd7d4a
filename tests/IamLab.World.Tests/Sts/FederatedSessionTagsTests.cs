using IamLab.World.Federation;
using IamLab.World.Sts;
using IamLab.World.Tests.Federation;

namespace IamLab.World.Tests.Sts;

/// <summary>
/// AssumeRoleWithSAML with session tags and a source identity from the assertion. AWS: "When using session tags, the role
/// trust policies for all roles connected to an identity provider (IdP) must have the sts:TagSession permission"
/// (IAM User Guide, "Pass session tags in AWS STS", "Permissions required to add session tags",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html), and "the role trust policies for all roles
/// connected to an IdP must have the sts:SetSourceIdentity permission" ("Monitor and control actions taken with assumed
/// roles", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html). The
/// attributes are <c>https://aws.amazon.com/SAML/Attributes/PrincipalTag:KEY</c>, <c>.../TransitiveTagKeys</c> and
/// <c>.../SourceIdentity</c> (same pages).
/// </summary>
public class FederatedSessionTagsTests
{
    private const string RoleArn = "arn:aws:iam::111111111111:role/FederatedDeveloperAccess";
    private const string ProviderArn = "arn:aws:iam::111111111111:saml-provider/MyCompanySSO";

    private static readonly SamlUser Alice = new()
    {
        NameId = "alice@mycompany.example",
        RoleSessionName = "alice",
        Roles = [new SamlRolePair(RoleArn, ProviderArn)],
    };

    private static readonly SamlUser TaggedAlice = Alice with
    {
        PrincipalTags = new Dictionary<string, string> { ["team"] = "platform", ["cost-center"] = "1234" },
        TransitiveTagKeys = ["team"],
    };

    // Shaped like the IAM User Guide's "Example role trust policy for session tags" ("Permissions required to add session
    // tags"): one statement lets the provider assume the role, another lets it tag the session, only with a team of
    // platform or data, the keys team and cost-center, and team alone transitive.
    private const string TaggingTrust = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},
           "Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}},
          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},
           "Action":"sts:TagSession",
           "Condition":{"StringEquals":{"aws:RequestTag/team":["platform","data"]},
                        "ForAllValues:StringEquals":{"aws:TagKeys":["team","cost-center"],"sts:TransitiveTagKeys":["team"]}}}]}
        """;

    private const string SourceIdentityTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},
          "Action":["sts:AssumeRoleWithSAML","sts:SetSourceIdentity"],
          "Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml","sts:SourceIdentity":"alice"}}}]}
        """;

    private static Article Lab(string trust)
    {
        var lab = new Article();
        _ = lab.World.Federation.ConfigureSamlIdentityProvider(FederationService.DefaultSamlEntityId, TestKeys.First);
        _ = lab.World.Federation.CreateSamlProvider(Article.Dev, "MyCompanySSO").Value;
        _ = lab.Dev1.CreateRole("FederatedDeveloperAccess", trust).Value;
        return lab;
    }

    [Fact]
    public void Saml_TagsButTrustAllowsOnlyAssumeRoleWithSaml_AccessDeniedNamingTagSession()
    {
        var lab = Lab(Article.SamlTrust);

        var error = lab.World.Federation.SignInWithSaml(TaggedAlice, RoleArn, ProviderArn).Error!;

        Assert.Equal(("AccessDenied", "Not authorized to perform sts:TagSession", 403), (error.Code, error.Message, error.HttpStatus));
        Assert.Equal(("sts:TagSession", ProviderArn, RoleArn, "implicitDeny"), (error.Check!.Action, error.Check.CallerArn, error.Check.Resource, error.Check.DecisionName));
        Assert.True(error.Check.IsRoleTrust);
        Assert.Empty(lab.World.Data.Sessions.Values);
    }

    [Fact]
    public void Saml_TagsAndTrustAllowsTagSession_SessionCarriesTheTagsAndBothChecks()
    {
        var lab = Lab(TaggingTrust);

        var result = lab.World.Federation.SignInWithSaml(TaggedAlice, RoleArn, ProviderArn).Value;

        Assert.Equal(["sts:AssumeRoleWithSAML", "sts:TagSession"], result.Checks.Select(c => c.Action));
        Assert.All(result.Checks, c => Assert.True(c.IsAllowed));
        Assert.Equal([new Tag("team", "platform"), new Tag("cost-center", "1234")], result.Session.Tags.OrderByDescending(t => t.Key == "team"));
        Assert.Equal(["team"], result.Session.TransitiveTagKeys);
    }

    [Fact]
    public void Saml_NoTags_TagSessionIsNotAsked()
    {
        var lab = Lab(Article.SamlTrust);

        var result = lab.World.Federation.SignInWithSaml(Alice, RoleArn, ProviderArn).Value;

        Assert.Equal(["sts:AssumeRoleWithSAML"], result.Checks.Select(c => c.Action));
    }

    [Theory]
    [InlineData("admins", null, "the value of aws:RequestTag/team is not allowed")]
    [InlineData("platform", "project", "aws:TagKeys holds a key outside ForAllValues")]
    public void Saml_TagsTheTrustDoesNotAllow_AccessDeniedNamingTagSession(string team, string? extraKey, string because)
    {
        var lab = Lab(TaggingTrust);
        var tags = new Dictionary<string, string> { ["team"] = team };
        if (extraKey is not null)
        {
            tags[extraKey] = "x";
        }

        var error = lab.World.Federation.SignInWithSaml(Alice with { PrincipalTags = tags }, RoleArn, ProviderArn).Error!;

        Assert.True(error.Message == "Not authorized to perform sts:TagSession", $"{because}: {error.Message}");
        Assert.Equal([team], error.Check!.Context.Lookup("aws:RequestTag/team"));
    }

    [Fact]
    public void Saml_TransitiveKeyTheTrustDoesNotAllow_AccessDeniedNamingTagSession()
    {
        var lab = Lab(TaggingTrust);

        var error = lab.World.Federation.SignInWithSaml(TaggedAlice with { TransitiveTagKeys = ["team", "cost-center"] }, RoleArn, ProviderArn).Error!;

        Assert.Equal("Not authorized to perform sts:TagSession", error.Message);
        Assert.Equal(["team", "cost-center"], error.Check!.Context.Lookup("sts:TransitiveTagKeys"));
    }

    [Fact]
    public void Saml_SourceIdentityButTrustWithoutSetSourceIdentity_AccessDeniedNamingSetSourceIdentity()
    {
        var lab = Lab(Article.SamlTrust);

        var error = lab.World.Federation.SignInWithSaml(Alice with { SourceIdentity = "alice" }, RoleArn, ProviderArn).Error!;

        Assert.Equal(("AccessDenied", "Not authorized to perform sts:SetSourceIdentity"), (error.Code, error.Message));
        Assert.Equal(["alice"], error.Check!.Context.Lookup("sts:SourceIdentity"));
    }

    [Fact]
    public void Saml_SourceIdentityTheTrustAllows_SessionKeepsIt()
    {
        var lab = Lab(SourceIdentityTrust);

        var result = lab.World.Federation.SignInWithSaml(Alice with { SourceIdentity = "alice" }, RoleArn, ProviderArn).Value;

        Assert.Equal("alice", result.SourceIdentity);
        Assert.Equal(["sts:AssumeRoleWithSAML", "sts:SetSourceIdentity"], result.Checks.Select(c => c.Action));
    }

    [Fact]
    public void Saml_SourceIdentityTheConditionRefuses_AccessDenied()
    {
        // sts:SourceIdentity is in the context of every check of the call, so the statement's condition refuses the
        // role's own action first.
        var lab = Lab(SourceIdentityTrust);

        var error = lab.World.Federation.SignInWithSaml(Alice with { SourceIdentity = "mallory" }, RoleArn, ProviderArn).Error!;

        Assert.Equal("Not authorized to perform sts:AssumeRoleWithSAML", error.Message);
        Assert.Equal(["mallory"], error.Check!.Context.Lookup("sts:SourceIdentity"));
    }

    [Fact]
    public void Saml_SourceIdentity_ChainedAssumeRoleCarriesItAndNeedsSetSourceIdentity()
    {
        // "After a source identity is set, it is present in requests for any AWS action taken during the role session",
        // and a chained AssumeRole needs sts:SetSourceIdentity in the next role's trust (same page).
        var lab = Lab(SourceIdentityTrust);
        _ = lab.Dev1.PutRolePolicy("FederatedDeveloperAccess", "Chain",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"}]}""").Value;
        const string reader = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/FederatedDeveloperAccess"},"Action":"sts:AssumeRole"}]}""";
        _ = lab.Dev1.CreateRole("Reader", reader).Value;
        var federated = lab.World.Federation.SignInWithSaml(Alice with { SourceIdentity = "alice" }, RoleArn, ProviderArn).Value;

        var error = lab.World.Sts.AssumeRole(federated.Credentials, new AssumeRoleRequest("arn:aws:iam::111111111111:role/Reader", "next")).Error!;

        Assert.Equal("sts:SetSourceIdentity", error.Check!.Action);
        Assert.Equal(["alice"], error.Check.Context.Lookup("sts:SourceIdentity"));
    }
}
