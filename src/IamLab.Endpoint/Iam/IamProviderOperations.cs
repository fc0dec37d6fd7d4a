using IamLab.Endpoint.Hosting;

namespace IamLab.Endpoint.Iam;

/// <summary>Identity providers: CreateSAMLProvider and CreateOpenIDConnectProvider.</summary>
internal static class IamProviderOperations
{
    public static QueryOutcome CreateSamlProvider(IamRequest r)
    {
        var name = r.Input.Required("Name");
        var metadata = r.Input.Required("SAMLMetadataDocument");
        return r.Serve("CreateSAMLProvider", "iam:CreateSAMLProvider", () => r.Arn("saml-provider", "/", name),
            iam => iam.CreateSamlProvider(name, metadata), (w, provider) => w.WriteElementString("SAMLProviderArn", provider.Arn), changed: true);
    }

    public static QueryOutcome CreateOpenIdConnectProvider(IamRequest r)
    {
        var url = r.Input.Required("Url");
        var clientIds = r.Input.Members("ClientIDList");
        var thumbprints = r.Input.Members("ThumbprintList");
        return r.Serve("CreateOpenIDConnectProvider", "iam:CreateOpenIDConnectProvider", () => r.Arn("oidc-provider", "/", Host(url)),
            iam => iam.CreateOpenIdConnectProvider(url, clientIds, thumbprints),
            (w, provider) => w.WriteElementString("OpenIDConnectProviderArn", provider.Arn), changed: true);
    }

    private static string Host(string url) =>
        url.StartsWith("https://", StringComparison.Ordinal) ? url["https://".Length..].TrimEnd('/') : url;
}
