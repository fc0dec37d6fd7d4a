using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace IamLab.World.Federation;

/// <summary>
/// Checks one enveloped XML signature against the element it must cover. Only the shape the lab IdP produces is
/// accepted: one reference to the element's own ID, enveloped-signature and exclusive C14N transforms, RSA-SHA256
/// with a SHA-256 digest, and a key from the provider metadata (the KeyInfo in the response is ignored).
/// </summary>
internal static class SamlSignatureCheck
{
    private static readonly HashSet<string> AllowedTransforms =
        [SamlXml.EnvelopedSignature, SamlXml.ExcC14N];

    public static bool Covers(XmlElement signature, XmlElement target, IReadOnlyList<X509Certificate2> certificates)
    {
        var id = target.GetAttribute("ID");
        if (id.Length == 0 || signature.ParentNode != target)
        {
            return false;
        }
        var signedXml = new SignedXml(target.OwnerDocument);
        signedXml.LoadXml(signature);
        var info = signedXml.SignedInfo;
        if (info is null
            || info.References.Count != 1
            || info.SignatureMethod != SamlXml.RsaSha256
            || info.CanonicalizationMethod != SamlXml.ExcC14N
            || info.References[0] is not Reference reference
            || reference.Uri != "#" + id
            || reference.DigestMethod != SamlXml.Sha256
            || !TransformsAllowed(reference.TransformChain))
        {
            return false;
        }
        foreach (var certificate in certificates)
        {
            using var key = certificate.GetRSAPublicKey();
            if (key is not null && signedXml.CheckSignature(key))
            {
                return true;
            }
        }
        return false;
    }

    private static bool TransformsAllowed(TransformChain chain)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            if (!AllowedTransforms.Contains(chain[i].Algorithm ?? ""))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when two elements anywhere in the document share an ID (a signature wrapping symptom).</summary>
    public static bool HasDuplicateIds(XmlDocument document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.SelectNodes("//*")!.OfType<XmlElement>())
        {
            foreach (var name in (ReadOnlySpan<string>)["ID", "Id", "id"])
            {
                var value = element.GetAttribute(name);
                if (value.Length > 0 && !seen.Add(value))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
