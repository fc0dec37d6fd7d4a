using System.Xml;
using IamLab.World.Federation;

namespace IamLab.World.Tests.Federation;

/// <summary>
/// XML signature wrapping: an attacker keeps the genuinely signed assertion somewhere in the document and adds an
/// unsigned assertion of their own where a naive reader looks. Every variant must be refused.
/// </summary>
public sealed class SamlSignatureWrappingTests : IDisposable
{
    private const string Attacker = "attacker@evil.example";
    private readonly SamlTestSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    private (XmlDocument Document, XmlNamespaceManager Ns, XmlElement Response, XmlElement Signed) Genuine(SamlIssueOptions? options = null)
    {
        var document = SamlTestSetup.Decode(_setup.Idp.IssueResponse(SamlTestSetup.Alice, options));
        var ns = SamlTestSetup.Namespaces(document);
        return (document, ns, document.DocumentElement!, (XmlElement)document.SelectSingleNode("/samlp:Response/saml:Assertion", ns)!);
    }

    private static XmlElement EvilCopy(XmlElement signed, XmlNamespaceManager ns, string id, bool keepSignature)
    {
        var evil = (XmlElement)signed.CloneNode(deep: true);
        evil.SetAttribute("ID", id);
        evil.SelectSingleNode("saml:Subject/saml:NameID", ns)!.InnerText = Attacker;
        if (!keepSignature && evil.SelectSingleNode("ds:Signature", ns) is { } signature)
        {
            evil.RemoveChild(signature);
        }
        return evil;
    }

    private static XmlElement Extensions(XmlDocument document, XmlElement response)
    {
        var extensions = document.CreateElement("samlp", "Extensions", "urn:oasis:names:tc:SAML:2.0:protocol");
        response.InsertAfter(extensions, response.FirstChild);
        return extensions;
    }

    private void AssertRefused(XmlDocument document)
    {
        var result = _setup.Verify(SamlTestSetup.Encode(document));

        Assert.False(result.IsSuccess, "a wrapped response was accepted as " + result.Claims?.Subject);
        Assert.Equal("InvalidIdentityToken", result.Error.Code);
    }

    [Fact]
    public void Signed_assertion_moved_into_extensions_behind_an_unsigned_one_is_refused()
    {
        var (document, ns, response, signed) = Genuine();
        response.InsertBefore(EvilCopy(signed, ns, "_evil", keepSignature: false), signed);
        Extensions(document, response).AppendChild(response.RemoveChild(signed));

        AssertRefused(document);
    }

    [Fact]
    public void Evil_assertion_reusing_the_signed_id_is_refused()
    {
        var (document, ns, response, signed) = Genuine();
        response.InsertBefore(EvilCopy(signed, ns, signed.GetAttribute("ID"), keepSignature: false), signed);
        Extensions(document, response).AppendChild(response.RemoveChild(signed));

        AssertRefused(document);
    }

    [Fact]
    public void Evil_assertion_carrying_the_genuine_signature_is_refused()
    {
        var (document, ns, response, signed) = Genuine();
        var evil = EvilCopy(signed, ns, "_evil", keepSignature: true);
        // The signature still references the genuine assertion's ID, which now lives inside the evil one's signature.
        var signature = (XmlElement)evil.SelectSingleNode("ds:Signature", ns)!;
        var holder = document.CreateElement("ds", "Object", "http://www.w3.org/2000/09/xmldsig#");
        signature.AppendChild(holder);
        response.ReplaceChild(evil, signed);
        holder.AppendChild(signed);

        AssertRefused(document);
    }

    [Fact]
    public void Second_assertion_next_to_a_signed_response_is_refused()
    {
        var (document, ns, response, signed) = Genuine(new SamlIssueOptions { SignWholeResponse = true });
        response.AppendChild(EvilCopy(signed, ns, "_evil", keepSignature: false));

        AssertRefused(document);
    }

    [Fact]
    public void Response_signature_moved_onto_a_rebuilt_response_is_refused()
    {
        var (document, ns, response, signed) = Genuine(new SamlIssueOptions { SignWholeResponse = true });
        signed.SelectSingleNode("saml:Subject/saml:NameID", ns)!.InnerText = Attacker;
        response.SetAttribute("ID", "_rebuilt");

        AssertRefused(document);
    }
}
