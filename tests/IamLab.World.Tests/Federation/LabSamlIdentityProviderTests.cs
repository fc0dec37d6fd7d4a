using System.Security.Cryptography.Xml;
using System.Xml;
using IamLab.World.Federation;

namespace IamLab.World.Tests.Federation;

public sealed class LabSamlIdentityProviderTests : IDisposable
{
    private readonly SamlTestSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public void Metadata_holds_the_entity_id_and_the_signing_certificate()
    {
        var document = new XmlDocument();
        document.LoadXml(_setup.Metadata);
        var ns = SamlTestSetup.Namespaces(document);

        Assert.Equal(SamlTestSetup.EntityId, document.SelectSingleNode("/md:EntityDescriptor/@entityID", ns)?.Value);
        var certificate = document.SelectSingleNode(
            "/md:EntityDescriptor/md:IDPSSODescriptor/md:KeyDescriptor[@use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate", ns);
        Assert.Equal(Convert.ToBase64String(_setup.Idp.Certificate.RawData), certificate?.InnerText);
    }

    [Fact]
    public void Response_carries_what_AWS_reads()
    {
        var document = SamlTestSetup.Decode(_setup.Idp.IssueResponse(SamlTestSetup.Alice));
        var ns = SamlTestSetup.Namespaces(document);
        string? Value(string xpath) => document.SelectSingleNode(xpath, ns)?.Value ?? document.SelectSingleNode(xpath, ns)?.InnerText;
        const string a = "/samlp:Response/saml:Assertion";

        Assert.Equal(SamlTestSetup.EntityId, Value($"{a}/saml:Issuer"));
        Assert.Equal("alice@mycompany.example", Value($"{a}/saml:Subject/saml:NameID"));
        Assert.Equal(SamlNameIdFormats.Persistent, Value($"{a}/saml:Subject/saml:NameID/@Format"));
        Assert.Equal("https://signin.aws.amazon.com/saml", Value($"{a}/saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData/@Recipient"));
        Assert.Equal("2026-03-01T12:05:00.000Z", Value($"{a}/saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData/@NotOnOrAfter"));
        Assert.Equal("2026-03-01T12:00:00.000Z", Value($"{a}/saml:Conditions/@NotBefore"));
        Assert.Equal("2026-03-01T12:05:00.000Z", Value($"{a}/saml:Conditions/@NotOnOrAfter"));
        Assert.Equal("https://signin.aws.amazon.com/saml", Value($"{a}/saml:Conditions/saml:AudienceRestriction/saml:Audience"));
        string Attribute(string name) => Value($"{a}/saml:AttributeStatement/saml:Attribute[@Name='{name}']/saml:AttributeValue") ?? "(missing)";
        Assert.Equal($"{SamlTestSetup.RoleArn},{SamlTestSetup.ProviderArn}", Attribute("https://aws.amazon.com/SAML/Attributes/Role"));
        Assert.Equal("alice", Attribute("https://aws.amazon.com/SAML/Attributes/RoleSessionName"));
        Assert.Equal("7200", Attribute("https://aws.amazon.com/SAML/Attributes/SessionDuration"));
        Assert.Equal("platform", Attribute("https://aws.amazon.com/SAML/Attributes/PrincipalTag:team"));
    }

    [Fact]
    public void Assertion_signature_is_enveloped_exclusive_c14n_rsa_sha256_and_verifies_with_the_certificate()
    {
        var document = SamlTestSetup.Decode(_setup.Idp.IssueResponse(SamlTestSetup.Alice));
        var ns = SamlTestSetup.Namespaces(document);
        var assertion = (XmlElement)document.SelectSingleNode("/samlp:Response/saml:Assertion", ns)!;
        var signature = (XmlElement)assertion.SelectSingleNode("ds:Signature", ns)!;

        var signedXml = new SignedXml(document);
        signedXml.LoadXml(signature);
        var reference = (Reference)signedXml.SignedInfo!.References[0]!;
        Assert.Equal("#" + assertion.GetAttribute("ID"), reference.Uri);
        Assert.Equal("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", signedXml.SignedInfo.SignatureMethod);
        Assert.Equal(SignedXml.XmlDsigExcC14NTransformUrl, signedXml.SignedInfo.CanonicalizationMethod);
        Assert.Equal(
            [SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl],
            Enumerable.Range(0, reference.TransformChain.Count).Select(i => reference.TransformChain[i].Algorithm));
        Assert.True(signedXml.CheckSignature(_setup.Idp.Certificate, verifySignatureOnly: true));
    }

    [Fact]
    public void Provider_first_role_pairs_are_written_when_asked()
    {
        var document = SamlTestSetup.Decode(_setup.Idp.IssueResponse(SamlTestSetup.Alice, new SamlIssueOptions { WriteProviderArnFirst = true }));
        var ns = SamlTestSetup.Namespaces(document);
        var value = document.SelectSingleNode(
            "//saml:Attribute[@Name='https://aws.amazon.com/SAML/Attributes/Role']/saml:AttributeValue", ns)?.InnerText;

        Assert.Equal($"{SamlTestSetup.ProviderArn},{SamlTestSetup.RoleArn}", value);
    }
}
