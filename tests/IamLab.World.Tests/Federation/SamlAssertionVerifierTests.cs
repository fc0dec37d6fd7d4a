using System.Security.Cryptography;
using System.Text;
using IamLab.World.Federation;

namespace IamLab.World.Tests.Federation;

public sealed class SamlAssertionVerifierTests : IDisposable
{
    private readonly SamlTestSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public void Valid_response_yields_the_SAML_condition_keys()
    {
        var result = _setup.Verify(_setup.Idp.IssueResponse(SamlTestSetup.Alice));

        Assert.True(result.IsSuccess, result.ToString());
        var keys = result.Claims.ConditionKeys;
        Assert.Equal("https://signin.aws.amazon.com/saml", keys["SAML:aud"]);
        Assert.Equal("alice@mycompany.example", keys["SAML:sub"]);
        Assert.Equal("persistent", keys["SAML:sub_type"]);
        Assert.Equal(SamlTestSetup.EntityId, keys["SAML:iss"]);
        Assert.Equal("111111111111/MyCompanySSO", keys["SAML:doc"]);
        Assert.Equal("https://signin.aws.amazon.com/saml", keys["saml:AUD"]);
    }

    [Fact]
    public void Name_qualifier_is_base64_of_sha1_of_issuer_account_and_provider_name()
    {
#pragma warning disable CA5350 // AWS defines the name qualifier with SHA-1.
        var expected = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes("https://idp.lab.example/saml111111111111/MyCompanySSO")));
#pragma warning restore CA5350

        var result = _setup.Verify(_setup.Idp.IssueResponse(SamlTestSetup.Alice));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(expected, result.Claims.ConditionKeys["SAML:namequalifier"]);
        Assert.Equal(expected, SamlAssertionVerifier.NameQualifier(SamlTestSetup.EntityId, "111111111111", "MyCompanySSO"));
    }

    [Fact]
    public void Session_name_duration_and_principal_tags_are_read()
    {
        var result = _setup.Verify(_setup.Idp.IssueResponse(SamlTestSetup.Alice));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("alice", result.Claims.RoleSessionName);
        Assert.Equal(7200, result.Claims.SessionDurationSeconds);
        Assert.Equal("platform", result.Claims.PrincipalTags["team"]);
        Assert.Equal(SamlTestSetup.RoleArn, result.Claims.RoleArn);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 5, 0, TimeSpan.Zero), result.Claims.NotOnOrAfter);
    }

    [Fact]
    public void Transitive_tag_keys_and_source_identity_attributes_are_read()
    {
        // https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys (multivalued) and .../SourceIdentity (IAM User Guide,
        // "Pass session tags in AWS STS"; "Monitor and control actions taken with assumed roles").
        var user = SamlTestSetup.Alice with
        {
            PrincipalTags = new Dictionary<string, string> { ["Project"] = "Automation", ["Department"] = "Engineering" },
            TransitiveTagKeys = ["Project", "Department"],
            SourceIdentity = "DiegoRamirez",
        };

        var result = _setup.Verify(_setup.Idp.IssueResponse(user));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["Project", "Department"], result.Claims.TransitiveTagKeys);
        Assert.Equal("DiegoRamirez", result.Claims.SourceIdentity);
    }

    [Fact]
    public void Without_those_attributes_no_transitive_keys_and_no_source_identity()
    {
        var result = _setup.Verify(_setup.Idp.IssueResponse(SamlTestSetup.Alice));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Claims.TransitiveTagKeys);
        Assert.Null(result.Claims.SourceIdentity);
    }

    [Fact]
    public void Transient_name_id_gives_sub_type_transient()
    {
        var user = SamlTestSetup.Alice with { NameIdFormat = SamlNameIdFormats.Transient, NameId = "_a1b2c3" };

        var result = _setup.Verify(_setup.Idp.IssueResponse(user));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("transient", result.Claims.ConditionKeys["SAML:sub_type"]);
        Assert.Equal("_a1b2c3", result.Claims.Subject);
    }

    [Fact]
    public void Other_name_id_formats_are_reported_unchanged()
    {
        var user = SamlTestSetup.Alice with { NameIdFormat = SamlNameIdFormats.EmailAddress };

        var result = _setup.Verify(_setup.Idp.IssueResponse(user));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(SamlNameIdFormats.EmailAddress, result.Claims.SubjectType);
    }

    [Fact]
    public void Role_pair_is_accepted_in_either_order()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice, new SamlIssueOptions { WriteProviderArnFirst = true });

        Assert.True(_setup.Verify(response).IsSuccess);
    }

    [Fact]
    public void A_response_signed_as_a_whole_is_accepted()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice, new SamlIssueOptions { SignWholeResponse = true });

        var result = _setup.Verify(response);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("alice@mycompany.example", result.Claims.Subject);
    }

    [Fact]
    public void Any_listed_role_can_be_requested()
    {
        const string readOnly = "arn:aws:iam::111111111111:role/ReadOnly";
        var user = SamlTestSetup.Alice with
        {
            Roles = [new SamlRolePair(SamlTestSetup.RoleArn, SamlTestSetup.ProviderArn), new SamlRolePair(readOnly, SamlTestSetup.ProviderArn)],
        };

        var result = _setup.Verify(_setup.Idp.IssueResponse(user), roleArn: readOnly);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(readOnly, result.Claims.RoleArn);
    }
}
