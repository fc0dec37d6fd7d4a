using IamLab.Endpoint.Hosting;

namespace IamLab.Endpoint.Iam;

/// <summary>Identity providers: CreateSAMLProvider and CreateOpenIDConnectProvider.</summary>
internal static class IamProviderOperations
{
    public static QueryOutcome CreateSamlProvider(IamRequest r)
    {
        var name = r.Input.Required("Name");
        var metadata = r.Input.Required("SAMLMetadataDocument");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:CreateSAMLProvider", r.Arn("saml-provider", "/", name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var created = r.Iam.CreateSamlProvider(name, metadata);
            return created.IsSuccess
                ? r.Respond("CreateSAMLProvider", w => w.WriteElementString("SAMLProviderArn", created.Value.Arn), changed: true)
                : created.Error!.ToAwsError();
        }
    }

    public static QueryOutcome CreateOpenIdConnectProvider(IamRequest r)
    {
        var url = r.Input.Required("Url");
        var clientIds = r.Input.Members("ClientIDList");
        var thumbprints = r.Input.Members("ThumbprintList");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        var host = url.StartsWith("https://", StringComparison.Ordinal) ? url["https://".Length..].TrimEnd('/') : url;
        if (r.Authorize("iam:CreateOpenIDConnectProvider", r.Arn("oidc-provider", "/", host)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var created = r.Iam.CreateOpenIdConnectProvider(url, clientIds, thumbprints);
            return created.IsSuccess
                ? r.Respond("CreateOpenIDConnectProvider", w => w.WriteElementString("OpenIDConnectProviderArn", created.Value.Arn), changed: true)
                : created.Error!.ToAwsError();
        }
    }
}
