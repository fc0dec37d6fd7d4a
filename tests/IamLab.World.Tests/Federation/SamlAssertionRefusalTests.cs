using System.Text;
using IamLab.World.Federation;

namespace IamLab.World.Tests.Federation;

public sealed class SamlAssertionRefusalTests : IDisposable
{
    private readonly SamlTestSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    private static void AssertRefused(SamlVerificationResult result, string code, string message)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error.Code);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_by_another_key_is_refused()
    {
        using var impostor = new LabSamlIdentityProvider(SamlTestSetup.EntityId, _setup.Time, TestKeys.Second);

        var result = _setup.Verify(impostor.IssueResponse(SamlTestSetup.Alice));

        AssertRefused(result, "InvalidIdentityToken", "Response signature invalid");
    }

    [Fact]
    public void Name_id_changed_after_signing_is_refused()
    {
        var document = SamlTestSetup.Decode(_setup.Idp.IssueResponse(SamlTestSetup.Alice));
        document.SelectSingleNode("//saml:NameID", SamlTestSetup.Namespaces(document))!.InnerText = "admin@mycompany.example";

        var result = _setup.Verify(SamlTestSetup.Encode(document));

        AssertRefused(result, "InvalidIdentityToken", "Response signature invalid");
    }

    [Fact]
    public void Role_attribute_added_after_signing_is_refused()
    {
        var document = SamlTestSetup.Decode(_setup.Idp.IssueResponse(SamlTestSetup.Alice));
        var value = document.SelectSingleNode("//saml:Attribute[@Name='https://aws.amazon.com/SAML/Attributes/Role']/saml:AttributeValue",
            SamlTestSetup.Namespaces(document))!;
        value.InnerText = "arn:aws:iam::111111111111:role/Admin," + SamlTestSetup.ProviderArn;

        var result = _setup.Verify(SamlTestSetup.Encode(document), roleArn: "arn:aws:iam::111111111111:role/Admin");

        AssertRefused(result, "InvalidIdentityToken", "Response signature invalid");
    }

    [Fact]
    public void Unsigned_response_is_refused()
    {
        var document = SamlTestSetup.Decode(_setup.Idp.IssueResponse(SamlTestSetup.Alice));
        var signature = document.SelectSingleNode("//ds:Signature", SamlTestSetup.Namespaces(document))!;
        signature.ParentNode!.RemoveChild(signature);

        AssertRefused(_setup.Verify(SamlTestSetup.Encode(document)), "InvalidIdentityToken", "Response signature invalid");
    }

    [Fact]
    public void Expired_response_is_refused()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice);
        _setup.Time.Advance(TimeSpan.FromMinutes(5));

        AssertRefused(_setup.Verify(response), "ExpiredTokenException", "Response has expired");
    }

    [Fact]
    public void Response_is_still_valid_one_second_before_NotOnOrAfter()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice);
        _setup.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        Assert.True(_setup.Verify(response).IsSuccess);
    }

    [Fact]
    public void Long_lived_response_must_be_redeemed_within_five_minutes()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice, new SamlIssueOptions { Lifetime = TimeSpan.FromHours(1) });
        _setup.Time.Advance(TimeSpan.FromMinutes(10));

        AssertRefused(_setup.Verify(response), "ExpiredTokenException", "Token must be redeemed within 5 minutes of issuance");
    }

    [Fact]
    public void Response_for_another_audience_is_refused()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice, new SamlIssueOptions { Audience = "https://app.example.com/sp" });

        AssertRefused(_setup.Verify(response), "InvalidIdentityToken", "Audience 'https://app.example.com/sp'");
    }

    [Fact]
    public void Response_for_another_recipient_is_refused()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice, new SamlIssueOptions { Recipient = "https://app.example.com/acs" });

        AssertRefused(_setup.Verify(response), "InvalidIdentityToken", "Recipient 'https://app.example.com/acs'");
    }

    [Fact]
    public void Role_not_listed_in_the_response_is_refused()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice);

        var result = _setup.Verify(response, roleArn: "arn:aws:iam::111111111111:role/Admin");

        AssertRefused(result, "InvalidIdentityToken", "SAML Assertion doesn't contain the requested Role and Metadata in the attributes");
    }

    [Fact]
    public void Role_paired_with_another_provider_is_refused()
    {
        var user = SamlTestSetup.Alice with
        {
            Roles = [new SamlRolePair(SamlTestSetup.RoleArn, "arn:aws:iam::111111111111:saml-provider/OtherIdP")],
        };

        var result = _setup.Verify(_setup.Idp.IssueResponse(user));

        AssertRefused(result, "InvalidIdentityToken", "SAML Assertion doesn't contain the requested Role and Metadata in the attributes");
    }

    [Fact]
    public void Missing_role_session_name_is_refused()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice with { RoleSessionName = null });

        AssertRefused(_setup.Verify(response), "InvalidIdentityToken", "RoleSessionName is required in AuthnResponse");
    }

    [Fact]
    public void Role_session_name_with_a_space_is_refused()
    {
        var response = _setup.Idp.IssueResponse(SamlTestSetup.Alice with { RoleSessionName = "alice smith" });

        AssertRefused(_setup.Verify(response), "InvalidIdentityToken", "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
    }

    [Fact]
    public void Issuer_unknown_to_the_provider_is_refused()
    {
        var metadata = _setup.Metadata.Replace(SamlTestSetup.EntityId, "https://other-idp.example/saml", StringComparison.Ordinal);

        var result = SamlAssertionVerifier.Verify(_setup.Idp.IssueResponse(SamlTestSetup.Alice), metadata,
            SamlTestSetup.RoleArn, SamlTestSetup.ProviderArn, _setup.Time.GetUtcNow());

        AssertRefused(result, "InvalidIdentityToken", "Failed to assume role: Issuer not present in specified provider");
    }

    [Fact]
    public void Garbage_is_refused_as_invalid_base64()
    {
        AssertRefused(_setup.Verify("not base64 at all!"), "InvalidIdentityToken", "Invalid base64 SAMLResponse");
        AssertRefused(_setup.Verify(new string('A', SamlAssertionVerifier.MaxResponseLength + 4)), "InvalidIdentityToken", "Invalid base64 SAMLResponse");
    }

    [Fact]
    public void Document_type_declarations_are_refused_without_expanding_entities()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&b;</samlp:Response>
            """;

        var result = _setup.Verify(Convert.ToBase64String(Encoding.UTF8.GetBytes(xml)));

        AssertRefused(result, "InvalidIdentityToken", "DTD");
    }

    [Fact]
    public void Unusable_metadata_is_refused()
    {
        var result = SamlAssertionVerifier.Verify(_setup.Idp.IssueResponse(SamlTestSetup.Alice), "<EntityDescriptor/>",
            SamlTestSetup.RoleArn, SamlTestSetup.ProviderArn, _setup.Time.GetUtcNow());

        AssertRefused(result, "InvalidIdentityToken", "Could not parse metadata.");
    }

    [Fact]
    public void Subject_without_name_id_is_access_denied()
    {
        var result = _setup.Verify(_setup.Idp.IssueResponse(SamlTestSetup.Alice with { NameId = "" }));

        AssertRefused(result, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML");
        Assert.Equal(403, result.Error!.HttpStatus);
    }
}
