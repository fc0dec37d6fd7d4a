using System.Globalization;

namespace IamLab.Client;

public sealed partial class IamQueryClient
{
    /// <summary>CreateRole.</summary>
    /// <param name="roleName">The role's name.</param>
    /// <param name="assumeRolePolicyDocument">The trust policy (JSON).</param>
    /// <param name="path">The path, <c>/</c> by default.</param>
    /// <param name="description">A description, or null.</param>
    /// <param name="maxSessionDuration">The maximum session duration in seconds, or null for one hour.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role.</returns>
    public async Task<IamQueryClientRole> CreateRoleAsync(string roleName, string assumeRolePolicyDocument, string? path = null, string? description = null,
        int? maxSessionDuration = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>> { P("RoleName", roleName), P("AssumeRolePolicyDocument", assumeRolePolicyDocument) };
        AddIf(parameters, "Path", path);
        AddIf(parameters, "Description", description);
        AddIf(parameters, "MaxSessionDuration", maxSessionDuration?.ToString(CultureInfo.InvariantCulture));
        var result = await SendAsync("CreateRole", parameters, cancellationToken).ConfigureAwait(false);
        return ReadRole(Child(result, "Role")!);
    }

    /// <summary>GetRole.</summary>
    /// <param name="roleName">The role's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role.</returns>
    public async Task<IamQueryClientRole> GetRoleAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("GetRole", [P("RoleName", roleName)], cancellationToken).ConfigureAwait(false);
        return ReadRole(Child(result, "Role")!);
    }

    /// <summary>ListRoles.</summary>
    /// <param name="pathPrefix">Only roles whose path starts with this, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roles.</returns>
    public async Task<IReadOnlyList<IamQueryClientRole>> ListRolesAsync(string? pathPrefix = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        AddIf(parameters, "PathPrefix", pathPrefix);
        var result = await SendAsync("ListRoles", parameters, cancellationToken).ConfigureAwait(false);
        return [.. Members(result, "Roles").Select(ReadRole)];
    }

    /// <summary>UpdateAssumeRolePolicy.</summary>
    /// <param name="roleName">The role's name.</param>
    /// <param name="policyDocument">The new trust policy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when IAM has answered.</returns>
    public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken = default) =>
        SendAsync("UpdateAssumeRolePolicy", [P("RoleName", roleName), P("PolicyDocument", policyDocument)], cancellationToken);

    /// <summary>DeleteRole.</summary>
    /// <param name="roleName">The role's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when IAM has answered.</returns>
    public Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken = default) =>
        SendAsync("DeleteRole", [P("RoleName", roleName)], cancellationToken);

    /// <summary>AttachRolePolicy.</summary>
    /// <param name="roleName">The role's name.</param>
    /// <param name="policyArn">The managed policy's ARN.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when IAM has answered.</returns>
    public Task AttachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellationToken = default) =>
        SendAsync("AttachRolePolicy", [P("RoleName", roleName), P("PolicyArn", policyArn)], cancellationToken);

    /// <summary>PutRolePolicy.</summary>
    /// <param name="roleName">The role's name.</param>
    /// <param name="policyName">The inline policy's name.</param>
    /// <param name="policyDocument">The policy (JSON).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when IAM has answered.</returns>
    public Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken = default) =>
        SendAsync("PutRolePolicy", [P("RoleName", roleName), P("PolicyName", policyName), P("PolicyDocument", policyDocument)], cancellationToken);

    /// <summary>GetRolePolicy: the inline policy's document, URL-decoded.</summary>
    /// <param name="roleName">The role's name.</param>
    /// <param name="policyName">The inline policy's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The policy document.</returns>
    public async Task<string> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("GetRolePolicy", [P("RoleName", roleName), P("PolicyName", policyName)], cancellationToken).ConfigureAwait(false);
        return Uri.UnescapeDataString(Text(result, "PolicyDocument") ?? string.Empty);
    }

    private static void AddIf(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(P(name, value));
        }
    }
}
