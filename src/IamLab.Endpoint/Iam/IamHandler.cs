using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Iam;

/// <summary>
/// The IAM Query API (version 2010-05-08) over the world, in the caller's own account, every call authorized by
/// the engine with the caller's policy stack. One file per operation group.
/// </summary>
public sealed class IamHandler : IAwsServiceHandler
{
    /// <summary>The API version IAM speaks.</summary>
    public const string Version = "2010-05-08";

    private static readonly Dictionary<string, Func<IamRequest, QueryOutcome>> Operations = new(StringComparer.Ordinal)
    {
        ["CreateRole"] = IamRoleOperations.CreateRole,
        ["GetRole"] = IamRoleOperations.GetRole,
        ["ListRoles"] = IamRoleOperations.ListRoles,
        ["UpdateRole"] = IamRoleOperations.UpdateRole,
        ["UpdateAssumeRolePolicy"] = IamRoleOperations.UpdateAssumeRolePolicy,
        ["DeleteRole"] = IamRoleOperations.DeleteRole,
        ["AttachRolePolicy"] = IamRolePolicyOperations.AttachRolePolicy,
        ["DetachRolePolicy"] = IamRolePolicyOperations.DetachRolePolicy,
        ["PutRolePolicy"] = IamRolePolicyOperations.PutRolePolicy,
        ["GetRolePolicy"] = IamRolePolicyOperations.GetRolePolicy,
        ["DeleteRolePolicy"] = IamRolePolicyOperations.DeleteRolePolicy,
        ["ListAttachedRolePolicies"] = IamRolePolicyOperations.ListAttachedRolePolicies,
        ["ListRolePolicies"] = IamRolePolicyOperations.ListRolePolicies,
        ["CreatePolicy"] = IamPolicyOperations.CreatePolicy,
        ["CreatePolicyVersion"] = IamPolicyOperations.CreatePolicyVersion,
        ["GetPolicy"] = IamPolicyOperations.GetPolicy,
        ["GetPolicyVersion"] = IamPolicyOperations.GetPolicyVersion,
        ["CreateInstanceProfile"] = IamInstanceProfileOperations.CreateInstanceProfile,
        ["GetInstanceProfile"] = IamInstanceProfileOperations.GetInstanceProfile,
        ["DeleteInstanceProfile"] = IamInstanceProfileOperations.DeleteInstanceProfile,
        ["AddRoleToInstanceProfile"] = IamInstanceProfileOperations.AddRoleToInstanceProfile,
        ["RemoveRoleFromInstanceProfile"] = IamInstanceProfileOperations.RemoveRoleFromInstanceProfile,
        ["CreateSAMLProvider"] = IamProviderOperations.CreateSamlProvider,
        ["CreateOpenIDConnectProvider"] = IamProviderOperations.CreateOpenIdConnectProvider,
        ["CreateServiceLinkedRole"] = IamServiceLinkedOperations.CreateServiceLinkedRole,
        ["DeleteServiceLinkedRole"] = IamServiceLinkedOperations.DeleteServiceLinkedRole,
        ["CreateUser"] = IamUserOperations.CreateUser,
        ["GetUser"] = IamUserOperations.GetUser,
        ["CreateAccessKey"] = IamUserOperations.CreateAccessKey,
        ["AttachUserPolicy"] = IamUserOperations.AttachUserPolicy,
        ["PutUserPolicy"] = IamUserOperations.PutUserPolicy,
        ["CreateGroup"] = IamUserOperations.CreateGroup,
        ["AddUserToGroup"] = IamUserOperations.AddUserToGroup,
        ["AttachGroupPolicy"] = IamUserOperations.AttachGroupPolicy,
        ["SimulatePrincipalPolicy"] = IamSimulationOperations.SimulatePrincipalPolicy,
        ["SimulateCustomPolicy"] = IamSimulationOperations.SimulateCustomPolicy,
    };

    private static readonly HashSet<string> Actions = [.. Operations.Keys];

    /// <summary>The actions this handler answers.</summary>
    public static IReadOnlyCollection<string> SupportedActions => Actions;

    /// <inheritdoc />
    public string SigningName => "iam";

    /// <inheritdoc />
    public AwsErrorFormat ErrorFormat { get; } = AwsErrorFormat.Query(AwsXmlNamespaces.Iam);

    /// <inheritdoc />
    public bool ClaimsAnonymous(AwsCall awsCall)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        var parsed = awsCall.ReadQuery(null, null);
        return parsed.IsSuccess && parsed.Request.Version == Version;
    }

    /// <inheritdoc />
    public async Task HandleAsync(AwsCall awsCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        if (awsCall.Caller is null)
        {
            // IAM has no unsigned operations.
            await awsCall.WriteErrorAsync(SigV4Errors.MissingAuthenticationToken()).ConfigureAwait(false);
            return;
        }

        var parsed = awsCall.ReadQuery(Actions, Version);
        if (!parsed.IsSuccess)
        {
            await awsCall.WriteErrorAsync(parsed.Error).ConfigureAwait(false);
            return;
        }

        var outcome = Operations[parsed.Request.Action](new IamRequest(awsCall, new QueryInput(parsed.Request)));
        await outcome.WriteAsync(awsCall).ConfigureAwait(false);
    }
}
