using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace IamLab.World.Federation;

/// <summary>The parts of a SAML metadata document the verifier needs: the entity ID and the signing certificates.</summary>
internal sealed class SamlMetadata : IDisposable
{
    private SamlMetadata(string entityId, IReadOnlyList<X509Certificate2> certificates)
    {
        EntityId = entityId;
        SigningCertificates = certificates;
    }

    public string EntityId { get; }

    public IReadOnlyList<X509Certificate2> SigningCertificates { get; }

    /// <summary>Reads the metadata, or returns null when it is not usable IdP metadata.</summary>
    public static SamlMetadata? TryRead(string metadataXml)
    {
        XmlDocument document;
        try
        {
            document = SafeXml.Load(metadataXml);
        }
        catch (XmlException)
        {
            return null;
        }
        var root = document.DocumentElement;
        if (root is null || root.LocalName != "EntityDescriptor" || root.NamespaceURI != SamlXml.Metadata)
        {
            return null;
        }
        var entityId = root.GetAttribute("entityID");
        var idp = SafeXml.Child(root, "IDPSSODescriptor", SamlXml.Metadata);
        if (entityId.Length == 0 || idp is null)
        {
            return null;
        }
        var certificates = new List<X509Certificate2>();
        foreach (var descriptor in SafeXml.Children(idp, "KeyDescriptor", SamlXml.Metadata))
        {
            var use = descriptor.GetAttribute("use");
            if (use.Length > 0 && use != "signing")
            {
                continue;
            }
            var data = SafeXml.Child(SafeXml.Child(descriptor, "KeyInfo", SamlXml.DSig), "X509Data", SamlXml.DSig);
            foreach (var certificate in data is null ? [] : SafeXml.Children(data, "X509Certificate", SamlXml.DSig))
            {
                try
                {
                    var bytes = Convert.FromBase64String(certificate.InnerText.Trim());
                    certificates.Add(X509CertificateLoader.LoadCertificate(bytes));
                }
                catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
                {
                    // An unreadable certificate is skipped; with none left the metadata is unusable.
                }
            }
        }
        return certificates.Count == 0 ? null : new SamlMetadata(entityId, certificates);
    }

    public void Dispose()
    {
        foreach (var certificate in SigningCertificates)
        {
            certificate.Dispose();
        }
    }
}
