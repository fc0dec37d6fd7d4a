using IamLab.Policy.Validation;
using IamLab.World.Errors;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    /// <summary>Attaches a managed policy by ARN to an entity's list (once), after checking that the policy exists.</summary>
    private IamResult<Done> AttachTo(List<string> attachedPolicyArns, string policyArn)
    {
        if (world.FindPolicy(policyArn) is null)
        {
            return IamErrors.NoSuchPolicy(policyArn);
        }

        if (!attachedPolicyArns.Contains(policyArn))
        {
            attachedPolicyArns.Add(policyArn);
        }

        return Done.Value;
    }

    /// <summary>Adds or replaces an inline policy after checking its name and validating it as <paramref name="kind"/>.</summary>
    private static IamResult<Done> PutInline(SortedDictionary<string, PolicyText> inlinePolicies, string policyName, string policyDocument, DocumentKind kind)
    {
        if (IamNames.Check(policyName, "policyName", 128) is { } invalid)
        {
            return invalid;
        }

        var policy = PolicyCheck.Validate(policyDocument, kind);
        if (!policy.IsSuccess)
        {
            return policy.Forward<Done>();
        }

        inlinePolicies[policyName] = policy.Value;
        return Done.Value;
    }
}
