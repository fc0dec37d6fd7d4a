namespace IamLab.Client;

public sealed partial class IamQueryClient
{
    /// <summary>CreateInstanceProfile.</summary>
    /// <param name="instanceProfileName">The profile's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile's ARN.</returns>
    public async Task<string> CreateInstanceProfileAsync(string instanceProfileName, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("CreateInstanceProfile", [P("InstanceProfileName", instanceProfileName)], cancellationToken).ConfigureAwait(false);
        return Text(Child(result, "InstanceProfile")!, "Arn") ?? string.Empty;
    }

    /// <summary>AddRoleToInstanceProfile.</summary>
    /// <param name="instanceProfileName">The profile's name.</param>
    /// <param name="roleName">The role's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when IAM has answered.</returns>
    public Task AddRoleToInstanceProfileAsync(string instanceProfileName, string roleName, CancellationToken cancellationToken = default) =>
        SendAsync("AddRoleToInstanceProfile", [P("InstanceProfileName", instanceProfileName), P("RoleName", roleName)], cancellationToken);

    /// <summary>CreateOpenIDConnectProvider.</summary>
    /// <param name="url">The issuer URL (https).</param>
    /// <param name="clientIds">The audiences.</param>
    /// <param name="thumbprints">The certificate thumbprints, or none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's ARN.</returns>
    public async Task<string> CreateOpenIdConnectProviderAsync(string url, IReadOnlyList<string> clientIds, IReadOnlyList<string>? thumbprints = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientIds);
        var parameters = new List<KeyValuePair<string, string>> { P("Url", url) };
        parameters.AddRange(clientIds.Select((c, i) => P($"ClientIDList.member.{i + 1}", c)));
        parameters.AddRange((thumbprints ?? []).Select((t, i) => P($"ThumbprintList.member.{i + 1}", t)));
        var result = await SendAsync("CreateOpenIDConnectProvider", parameters, cancellationToken).ConfigureAwait(false);
        return Text(result, "OpenIDConnectProviderArn") ?? string.Empty;
    }

    /// <summary>CreateSAMLProvider.</summary>
    /// <param name="name">The provider's name.</param>
    /// <param name="samlMetadataDocument">The identity provider's metadata XML.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The provider's ARN.</returns>
    public async Task<string> CreateSamlProviderAsync(string name, string samlMetadataDocument, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("CreateSAMLProvider", [P("Name", name), P("SAMLMetadataDocument", samlMetadataDocument)], cancellationToken).ConfigureAwait(false);
        return Text(result, "SAMLProviderArn") ?? string.Empty;
    }

    /// <summary>CreateServiceLinkedRole.</summary>
    /// <param name="awsServiceName">The service, e.g. <c>autoscaling.amazonaws.com</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role.</returns>
    public async Task<IamQueryClientRole> CreateServiceLinkedRoleAsync(string awsServiceName, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("CreateServiceLinkedRole", [P("AWSServiceName", awsServiceName)], cancellationToken).ConfigureAwait(false);
        return ReadRole(Child(result, "Role")!);
    }
}
