using IamLab.World.Errors;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    /// <summary>CreateSAMLProvider: stores the provider's metadata document (with its signing certificate).</summary>
    public IamResult<SamlProvider> CreateSamlProvider(string name, string samlMetadataDocument)
    {
        ArgumentNullException.ThrowIfNull(samlMetadataDocument);
        var errors = new ValidationErrors();
        errors.Length(name, "name", 1, 128);
        errors.Length(samlMetadataDocument, "sAMLMetadataDocument", 1000, 10_000_000);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }

        var arn = $"arn:aws:iam::{Account.Id}:saml-provider/{name}";
        if (Account.SamlProviders.ContainsKey(arn))
        {
            return IamErrors.ProviderExists(arn);
        }

        var provider = new SamlProvider(arn, name, samlMetadataDocument, world.Now);
        Account.SamlProviders[arn] = provider;
        return provider;
    }

    /// <summary>CreateOpenIDConnectProvider: the issuer URL (https), its client ids (audiences) and thumbprints.</summary>
    public IamResult<OidcProvider> CreateOpenIdConnectProvider(string url, IReadOnlyList<string> clientIds, IReadOnlyList<string>? thumbprints = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(clientIds);
        if (!url.StartsWith("https://", StringComparison.Ordinal))
        {
            return new IamError("ValidationError", "The URL must begin with https://.", 400);
        }

        var host = url["https://".Length..].TrimEnd('/');
        var arn = $"arn:aws:iam::{Account.Id}:oidc-provider/{host}";
        if (Account.OidcProviders.ContainsKey(arn))
        {
            return IamErrors.ProviderExists(arn);
        }

        var provider = new OidcProvider(arn, host, clientIds.ToList(), thumbprints?.ToList() ?? [], world.Now);
        Account.OidcProviders[arn] = provider;
        return provider;
    }
}
