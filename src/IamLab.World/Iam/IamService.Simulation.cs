using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.Policy.Validation;
using IamLab.World.Errors;
using IamLab.World.Simulation;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    /// <summary>
    /// SimulatePrincipalPolicy: the policies of a user (with its groups) or role in this account, plus any
    /// <paramref name="policyInputList"/>, against each action and resource.
    /// </summary>
    public IamResult<IReadOnlyList<SimulationResult>> SimulatePrincipalPolicy(string policySourceArn, IEnumerable<string> actionNames,
        IEnumerable<string>? resourceArns = null, RequestContext? context = null, IEnumerable<string>? policyInputList = null, string? resourcePolicy = null)
    {
        var identity = new List<PolicyDocument>();
        PolicyDocument? boundary = null;
        // The whole ARN names the principal (account, path and name): the caller was authorized on exactly this ARN,
        // so the user or role of the same name on another path, or in another account, is not it.
        var name = policySourceArn[(policySourceArn.LastIndexOf('/') + 1)..];
        if (policySourceArn.Contains(":user/", StringComparison.Ordinal) && Account.Users.TryGetValue(name, out var user) && user.Arn == policySourceArn)
        {
            Add(identity, user.AttachedPolicyArns, user.InlinePolicies.Values);
            foreach (var group in user.Groups.Select(g => Account.Groups[g]))
            {
                Add(identity, group.AttachedPolicyArns, group.InlinePolicies.Values);
            }

            boundary = user.PermissionsBoundaryArn is null ? null : world.FindPolicy(user.PermissionsBoundaryArn)?.Document.Document;
        }
        else if (policySourceArn.Contains(":role/", StringComparison.Ordinal) && Account.Roles.TryGetValue(name, out var role) && role.Arn == policySourceArn)
        {
            Add(identity, role.AttachedPolicyArns, role.InlinePolicies.Values);
            boundary = role.PermissionsBoundaryArn is null ? null : world.FindPolicy(role.PermissionsBoundaryArn)?.Document.Document;
        }
        else
        {
            return new IamError("NoSuchEntity", $"The entity {policySourceArn} cannot be found.", 404);
        }

        // AWS includes the SCPs that apply to the principal's account (OrganizationsDecisionDetail); SimulateCustomPolicy does not.
        var scps = Authorization.PolicyStack.ServiceControlPoliciesOf(world, Account.Id);
        return Simulate(policySourceArn, identity, boundary, actionNames, resourceArns, context, policyInputList, resourcePolicy, scps);
    }

    /// <summary>SimulateCustomPolicy: only the given identity policies, as <paramref name="callerArn"/> (this account's root by default).</summary>
    public IamResult<IReadOnlyList<SimulationResult>> SimulateCustomPolicy(IEnumerable<string> policyInputList, IEnumerable<string> actionNames,
        IEnumerable<string>? resourceArns = null, RequestContext? context = null, string? callerArn = null, string? resourcePolicy = null) =>
        Simulate(callerArn ?? $"arn:aws:iam::{Account.Id}:user/SimulatedUser", [], null, actionNames, resourceArns, context, policyInputList, resourcePolicy);

    private IamResult<IReadOnlyList<SimulationResult>> Simulate(string principal, List<PolicyDocument> identity, PolicyDocument? boundary,
        IEnumerable<string> actions, IEnumerable<string>? resources, RequestContext? context, IEnumerable<string>? inputs, string? resourcePolicy,
        IReadOnlyList<IReadOnlyList<PolicyDocument>>? scps = null)
    {
        foreach (var input in inputs ?? [])
        {
            var policy = PolicyCheck.Validate(input, DocumentKind.Identity);
            if (!policy.IsSuccess)
            {
                return policy.Forward<IReadOnlyList<SimulationResult>>();
            }

            identity.Add(policy.Value.Document);
        }

        PolicyDocument? resourceDocument = null;
        if (resourcePolicy is not null)
        {
            var policy = PolicyCheck.Validate(resourcePolicy, DocumentKind.Resource);
            if (!policy.IsSuccess)
            {
                return policy.Forward<IReadOnlyList<SimulationResult>>();
            }

            resourceDocument = policy.Value.Document;
        }

        var set = new PolicySet { IdentityPolicies = identity, PermissionsBoundary = boundary, ResourcePolicy = resourceDocument, ServiceControlPolicies = scps };
        return IamResult<IReadOnlyList<SimulationResult>>.Ok(Simulator.Run(principal, set, actions, resources ?? [], context, world.Now));
    }

    private void Add(List<PolicyDocument> into, IEnumerable<string> arns, IEnumerable<PolicyText> inline)
    {
        into.AddRange(arns.Select(world.FindPolicy).OfType<ManagedPolicy>().Select(p => p.Document.Document));
        into.AddRange(inline.Select(p => p.Document));
    }
}
