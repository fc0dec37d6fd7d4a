using System.Text;
using System.Xml;
using IamLab.World.Federation;
using Microsoft.Extensions.Time.Testing;

namespace IamLab.World.Tests.Federation;

/// <summary>A lab IdP for account 111111111111's provider MyCompanySSO, on a fake clock, and its user.</summary>
internal sealed class SamlTestSetup : IDisposable
{
    public const string EntityId = "https://idp.lab.example/saml";
    public const string AccountId = "111111111111";
    public const string RoleArn = "arn:aws:iam::111111111111:role/FederatedDeveloperAccess";
    public const string ProviderArn = "arn:aws:iam::111111111111:saml-provider/MyCompanySSO";

    public SamlTestSetup()
    {
        Idp = new LabSamlIdentityProvider(EntityId, Time, TestKeys.First);
        Metadata = Idp.GetMetadataXml();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public LabSamlIdentityProvider Idp { get; }

    public string Metadata { get; }

    public static SamlUser Alice { get; } = new()
    {
        NameId = "alice@mycompany.example",
        RoleSessionName = "alice",
        Roles = [new SamlRolePair(RoleArn, ProviderArn)],
        SessionDurationSeconds = 7200,
        PrincipalTags = new Dictionary<string, string> { ["team"] = "platform" },
    };

    public SamlVerificationResult Verify(string base64, string? roleArn = null, string? providerArn = null) =>
        SamlAssertionVerifier.Verify(base64, Metadata, roleArn ?? RoleArn, providerArn ?? ProviderArn, Time.GetUtcNow());

    public static XmlDocument Decode(string base64)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        return document;
    }

    public static string Encode(XmlDocument document) => Convert.ToBase64String(Encoding.UTF8.GetBytes(document.OuterXml));

    public static XmlNamespaceManager Namespaces(XmlDocument document)
    {
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("samlp", "urn:oasis:names:tc:SAML:2.0:protocol");
        ns.AddNamespace("saml", "urn:oasis:names:tc:SAML:2.0:assertion");
        ns.AddNamespace("ds", "http://www.w3.org/2000/09/xmldsig#");
        ns.AddNamespace("md", "urn:oasis:names:tc:SAML:2.0:metadata");
        return ns;
    }

    public void Dispose() => Idp.Dispose();
}
