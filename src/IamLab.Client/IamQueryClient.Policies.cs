namespace IamLab.Client;

public sealed partial class IamQueryClient
{
    /// <summary>CreatePolicy.</summary>
    /// <param name="policyName">The policy's name.</param>
    /// <param name="policyDocument">The policy (JSON).</param>
    /// <param name="path">The path, or null for <c>/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The policy's ARN.</returns>
    public async Task<string> CreatePolicyAsync(string policyName, string policyDocument, string? path = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>> { P("PolicyName", policyName), P("PolicyDocument", policyDocument) };
        AddIf(parameters, "Path", path);
        var result = await SendAsync("CreatePolicy", parameters, cancellationToken).ConfigureAwait(false);
        return Text(Child(result, "Policy")!, "Arn") ?? string.Empty;
    }

    /// <summary>SimulateCustomPolicy.</summary>
    /// <param name="policyInputList">The identity policies to simulate (JSON).</param>
    /// <param name="actionNames">The actions.</param>
    /// <param name="resourceArns">The resources, or none for <c>*</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per action and resource.</returns>
    public async Task<IReadOnlyList<IamQueryClientEvaluation>> SimulateCustomPolicyAsync(IReadOnlyList<string> policyInputList, IReadOnlyList<string> actionNames,
        IReadOnlyList<string>? resourceArns = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policyInputList);
        ArgumentNullException.ThrowIfNull(actionNames);
        var parameters = new List<KeyValuePair<string, string>>();
        parameters.AddRange(policyInputList.Select((p, i) => P($"PolicyInputList.member.{i + 1}", p)));
        parameters.AddRange(actionNames.Select((a, i) => P($"ActionNames.member.{i + 1}", a)));
        parameters.AddRange((resourceArns ?? []).Select((r, i) => P($"ResourceArns.member.{i + 1}", r)));
        var result = await SendAsync("SimulateCustomPolicy", parameters, cancellationToken).ConfigureAwait(false);
        return [.. Members(result, "EvaluationResults").Select(e => new IamQueryClientEvaluation(
            Text(e, "EvalActionName") ?? string.Empty, Text(e, "EvalResourceName") ?? string.Empty, Text(e, "EvalDecision") ?? string.Empty))];
    }
}
