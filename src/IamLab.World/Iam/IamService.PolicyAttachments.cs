using IamLab.Policy.Model;
using IamLab.Policy.Validation;
using IamLab.World.Errors;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    /// <summary>
    /// A managed policy this account may attach or use as a permissions boundary: an AWS managed policy or one of
    /// its own. Another account's customer managed policy is not attachable here; IAM answers as if it did not exist.
    /// </summary>
    private ManagedPolicy? AttachablePolicy(string policyArn) =>
        world.FindPolicy(policyArn) is { } policy
        && (AwsManagedPolicies.ByArn.ContainsKey(policyArn) || Arn.AccountOf(policyArn) == Account.Id)
            ? policy
            : null;

    /// <summary>Attaches a managed policy by ARN to an entity's list (once), after checking that the policy exists and is this account's or AWS's.</summary>
    private IamResult<Done> AttachTo(List<string> attachedPolicyArns, string policyArn, string quotaName)
    {
        if (AttachablePolicy(policyArn) is null)
        {
            return IamErrors.NoSuchPolicy(policyArn);
        }

        if (!attachedPolicyArns.Contains(policyArn))
        {
            if (attachedPolicyArns.Count >= Limits.IamQuotas.AttachedPoliciesPerEntity)
            {
                return Limits.IamQuotas.Exceeded(quotaName, Limits.IamQuotas.AttachedPoliciesPerEntity);
            }

            attachedPolicyArns.Add(policyArn);
        }

        return Done.Value;
    }

    /// <summary>Adds or replaces an inline policy after checking its name and validating it as <paramref name="kind"/>.</summary>
    private static IamResult<Done> PutInline(SortedDictionary<string, PolicyText> inlinePolicies, string entityName, string policyName, string policyDocument,
        DocumentKind kind)
    {
        if (IamNames.Check(policyName, "policyName", 128) is { } invalid)
        {
            return invalid;
        }

        // IAM's inline quota is for all of the entity's inline policies together (the one replaced not counted).
        var others = inlinePolicies.Where(p => p.Key != policyName).Sum(p => PolicyCheck.Size(p.Value.Json));
        if (others + PolicyCheck.Size(policyDocument) > kind.SizeLimit() && IamErrors.PolicyTooLarge(kind, entityName) is { } tooLarge)
        {
            return tooLarge;
        }

        var policy = PolicyCheck.Validate(policyDocument, kind, entityName);
        if (!policy.IsSuccess)
        {
            return policy.Forward<Done>();
        }

        inlinePolicies[policyName] = policy.Value;
        return Done.Value;
    }
}
