using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace IamLab.World.Federation;

/// <summary>
/// A SAML 2.0 identity provider for the lab: it holds an RSA key and a self-signed certificate, publishes metadata
/// that can be registered as an IAM SAML provider, and issues signed SAML responses for AWS sign-in.
/// </summary>
public sealed class LabSamlIdentityProvider : IDisposable
{
    private readonly RSA _key;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates an identity provider with an RSA key and a self-signed certificate for it.
    /// </summary>
    /// <param name="entityId">The IdP's entity ID, written as the Issuer of every response (e.g. <c>https://idp.example.com/saml</c>).</param>
    /// <param name="timeProvider">The clock for issue instants and validity windows; the system clock when null.</param>
    /// <param name="signingKey">
    /// The key pair to sign with (copied; the caller keeps ownership of its instance); a fresh 2048-bit key when null.
    /// </param>
    public LabSamlIdentityProvider(string entityId, TimeProvider? timeProvider = null, RSA? signingKey = null)
        : this(entityId, timeProvider, LabKeys.CopyOrCreate(signingKey), certificateDer: null)
    {
    }

    /// <summary>An identity provider over a key it owns and, when given, the certificate it published before (a reloaded world).</summary>
    internal LabSamlIdentityProvider(string entityId, TimeProvider? timeProvider, RSA ownedKey, byte[]? certificateDer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        EntityId = entityId;
        _time = timeProvider ?? TimeProvider.System;
        _key = ownedKey;
        if (certificateDer is not null)
        {
            using var published = X509CertificateLoader.LoadCertificate(certificateDer);
            Certificate = published.CopyWithPrivateKey(_key);
            return;
        }

        var request = new CertificateRequest(
            new X500DistinguishedName("CN=IAM Roles Lab SAML IdP, O=IAM Roles Lab"),
            _key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        var now = _time.GetUtcNow();
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    /// <summary>The entity ID, written as the Issuer of responses and as <c>entityID</c> in metadata.</summary>
    public string EntityId { get; }

    /// <summary>The self-signed signing certificate (with its private key).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// The SAML metadata document: an EntityDescriptor with an IDPSSODescriptor whose signing KeyDescriptor holds
    /// the certificate. This is what a learner uploads when creating the IAM SAML provider.
    /// </summary>
    /// <returns>The metadata XML.</returns>
    public string GetMetadataXml()
    {
        XNamespace md = SamlXml.Metadata;
        XNamespace ds = SamlXml.DSig;
        var certificate = Convert.ToBase64String(Certificate.RawData);
        var document = new XDocument(
            new XElement(md + "EntityDescriptor",
                new XAttribute(XNamespace.Xmlns + "md", SamlXml.Metadata),
                new XAttribute(XNamespace.Xmlns + "ds", SamlXml.DSig),
                new XAttribute("entityID", EntityId),
                new XElement(md + "IDPSSODescriptor",
                    new XAttribute("WantAuthnRequestsSigned", "false"),
                    new XAttribute("protocolSupportEnumeration", SamlXml.Protocol),
                    new XElement(md + "KeyDescriptor",
                        new XAttribute("use", "signing"),
                        new XElement(ds + "KeyInfo",
                            new XElement(ds + "X509Data",
                                new XElement(ds + "X509Certificate", certificate)))),
                    new XElement(md + "NameIDFormat", SamlNameIdFormats.Persistent),
                    new XElement(md + "NameIDFormat", SamlNameIdFormats.Transient),
                    new XElement(md + "SingleSignOnService",
                        new XAttribute("Binding", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"),
                        new XAttribute("Location", EntityId.TrimEnd('/') + "/sso")))));
        return document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// Issues a signed SAML 2.0 Response for <paramref name="user"/>, base64-encoded as the browser would post it
    /// to AWS (and as <c>AssumeRoleWithSAML</c> takes it).
    /// </summary>
    /// <param name="user">What to assert about the user.</param>
    /// <param name="options">How to shape the response; AWS's expectations when null.</param>
    /// <returns>The base64-encoded Response XML.</returns>
    public string IssueResponse(SamlUser user, SamlIssueOptions? options = null) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(IssueResponseXml(user, options)));

    /// <summary>
    /// Issues a signed SAML 2.0 Response for <paramref name="user"/> as XML text (not base64-encoded).
    /// </summary>
    /// <param name="user">What to assert about the user.</param>
    /// <param name="options">How to shape the response; AWS's expectations when null.</param>
    /// <returns>The Response XML.</returns>
    public string IssueResponseXml(SamlUser user, SamlIssueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        options ??= new SamlIssueOptions();
        var now = _time.GetUtcNow();
        var notOnOrAfter = SamlXml.Instant(now + options.Lifetime);
        var issued = SamlXml.Instant(now);

        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var response = document.CreateElement("samlp", "Response", SamlXml.Protocol);
        response.SetAttribute("xmlns:saml", SamlXml.Assertion);
        response.SetAttribute("ID", NewId());
        response.SetAttribute("Version", "2.0");
        response.SetAttribute("IssueInstant", issued);
        response.SetAttribute("Destination", options.Recipient);
        document.AppendChild(response);
        response.AppendChild(Text(document, "saml", "Issuer", SamlXml.Assertion, EntityId));
        var status = Child(response, "samlp", "Status", SamlXml.Protocol);
        Child(status, "samlp", "StatusCode", SamlXml.Protocol).SetAttribute("Value", SamlXml.StatusSuccess);

        var assertion = Child(response, "saml", "Assertion", SamlXml.Assertion);
        assertion.SetAttribute("ID", NewId());
        assertion.SetAttribute("Version", "2.0");
        assertion.SetAttribute("IssueInstant", issued);
        var issuer = assertion.AppendChild(Text(document, "saml", "Issuer", SamlXml.Assertion, EntityId))!;

        var subject = Child(assertion, "saml", "Subject", SamlXml.Assertion);
        var nameId = Text(document, "saml", "NameID", SamlXml.Assertion, user.NameId);
        nameId.SetAttribute("Format", user.NameIdFormat);
        subject.AppendChild(nameId);
        var confirmation = Child(subject, "saml", "SubjectConfirmation", SamlXml.Assertion);
        confirmation.SetAttribute("Method", SamlXml.BearerMethod);
        var confirmationData = Child(confirmation, "saml", "SubjectConfirmationData", SamlXml.Assertion);
        confirmationData.SetAttribute("NotOnOrAfter", notOnOrAfter);
        confirmationData.SetAttribute("Recipient", options.Recipient);

        var conditions = Child(assertion, "saml", "Conditions", SamlXml.Assertion);
        conditions.SetAttribute("NotBefore", issued);
        conditions.SetAttribute("NotOnOrAfter", notOnOrAfter);
        var restriction = Child(conditions, "saml", "AudienceRestriction", SamlXml.Assertion);
        restriction.AppendChild(Text(document, "saml", "Audience", SamlXml.Assertion, options.Audience));

        var authn = Child(assertion, "saml", "AuthnStatement", SamlXml.Assertion);
        authn.SetAttribute("AuthnInstant", issued);
        authn.SetAttribute("SessionIndex", NewId());
        var context = Child(authn, "saml", "AuthnContext", SamlXml.Assertion);
        context.AppendChild(Text(document, "saml", "AuthnContextClassRef", SamlXml.Assertion,
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"));

        var attributes = Child(assertion, "saml", "AttributeStatement", SamlXml.Assertion);
        if (user.Roles.Count > 0)
        {
            AddAttribute(attributes, SamlXml.RoleAttribute,
                user.Roles.Select(r => r.ToAttributeValue(options.WriteProviderArnFirst)));
        }
        if (user.RoleSessionName is not null)
        {
            AddAttribute(attributes, SamlXml.RoleSessionNameAttribute, [user.RoleSessionName]);
        }
        if (user.SessionDurationSeconds is int seconds)
        {
            AddAttribute(attributes, SamlXml.SessionDurationAttribute, [seconds.ToString(CultureInfo.InvariantCulture)]);
        }
        foreach (var (key, value) in user.PrincipalTags)
        {
            AddAttribute(attributes, SamlXml.PrincipalTagAttributePrefix + key, [value]);
        }
        if (user.TransitiveTagKeys.Count > 0)
        {
            AddAttribute(attributes, SamlXml.TransitiveTagKeysAttribute, user.TransitiveTagKeys);
        }
        if (user.SourceIdentity is not null)
        {
            AddAttribute(attributes, SamlXml.SourceIdentityAttribute, [user.SourceIdentity]);
        }

        if (options.SignWholeResponse)
        {
            response.InsertAfter(Sign(document, response.GetAttribute("ID")), response.FirstChild);
        }
        else
        {
            assertion.InsertAfter(Sign(document, assertion.GetAttribute("ID")), issuer);
        }
        return document.OuterXml;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private XmlElement Sign(XmlDocument document, string id)
    {
        var signedXml = new SignedXml(document) { SigningKey = _key };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = SamlXml.RsaSha256;
        var reference = new Reference("#" + id) { DigestMethod = SamlXml.Sha256 };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signedXml.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(Certificate));
        signedXml.KeyInfo = keyInfo;
        signedXml.ComputeSignature();
        return (XmlElement)document.ImportNode(signedXml.GetXml(), deep: true);
    }

    private static void AddAttribute(XmlElement statement, string name, IEnumerable<string> values)
    {
        var attribute = Child(statement, "saml", "Attribute", SamlXml.Assertion);
        attribute.SetAttribute("Name", name);
        attribute.SetAttribute("NameFormat", SamlXml.AttributeNameFormatUri);
        foreach (var value in values)
        {
            attribute.AppendChild(Text(statement.OwnerDocument, "saml", "AttributeValue", SamlXml.Assertion, value));
        }
    }

    private static XmlElement Child(XmlElement parent, string prefix, string localName, string ns)
    {
        var element = parent.OwnerDocument.CreateElement(prefix, localName, ns);
        parent.AppendChild(element);
        return element;
    }

    private static XmlElement Text(XmlDocument document, string prefix, string localName, string ns, string text)
    {
        var element = document.CreateElement(prefix, localName, ns);
        element.InnerText = text;
        return element;
    }

    private static string NewId() => "_" + Guid.NewGuid().ToString("N");
}
