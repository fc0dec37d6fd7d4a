namespace IamLab.Client;

public sealed partial class IamQueryClient
{
    /// <summary>CreateUser.</summary>
    /// <param name="userName">The user's name.</param>
    /// <param name="path">The path, or null for <c>/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's ARN.</returns>
    public async Task<string> CreateUserAsync(string userName, string? path = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>> { P("UserName", userName) };
        AddIf(parameters, "Path", path);
        var result = await SendAsync("CreateUser", parameters, cancellationToken).ConfigureAwait(false);
        return Text(Child(result, "User")!, "Arn") ?? string.Empty;
    }

    /// <summary>CreateAccessKey for a user.</summary>
    /// <param name="userName">The user's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new key with its secret.</returns>
    public async Task<IamQueryClientAccessKey> CreateAccessKeyAsync(string userName, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("CreateAccessKey", [P("UserName", userName)], cancellationToken).ConfigureAwait(false);
        var key = Child(result, "AccessKey")!;
        return new IamQueryClientAccessKey(Text(key, "UserName") ?? userName, Text(key, "AccessKeyId") ?? string.Empty,
            Text(key, "SecretAccessKey") ?? string.Empty, Text(key, "Status") ?? string.Empty);
    }

    /// <summary>AttachUserPolicy.</summary>
    /// <param name="userName">The user's name.</param>
    /// <param name="policyArn">The managed policy's ARN.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when IAM has answered.</returns>
    public Task AttachUserPolicyAsync(string userName, string policyArn, CancellationToken cancellationToken = default) =>
        SendAsync("AttachUserPolicy", [P("UserName", userName), P("PolicyArn", policyArn)], cancellationToken);

    /// <summary>PutUserPolicy.</summary>
    /// <param name="userName">The user's name.</param>
    /// <param name="policyName">The inline policy's name.</param>
    /// <param name="policyDocument">The policy (JSON).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when IAM has answered.</returns>
    public Task PutUserPolicyAsync(string userName, string policyName, string policyDocument, CancellationToken cancellationToken = default) =>
        SendAsync("PutUserPolicy", [P("UserName", userName), P("PolicyName", policyName), P("PolicyDocument", policyDocument)], cancellationToken);
}
