using IamLab.Policy.Diagnostics;
using IamLab.Policy.Validation;
using IamLab.World.Errors;

namespace IamLab.World.Iam;

/// <summary>Runs the engine's validator before a policy is stored, and turns an ERROR into MalformedPolicyDocument.</summary>
public static class PolicyCheck
{
    /// <summary>
    /// Validates <paramref name="json"/> as a policy of <paramref name="kind"/>. Text that is not JSON gives
    /// AWS's "Syntax errors in policy."; any other ERROR gives the first error's message.
    /// </summary>
    public static IamResult<PolicyText> Validate(string json, DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = PolicyValidator.Validate(json, kind);
        if (read.Policy is null)
        {
            return IamErrors.Malformed("Syntax errors in policy.");
        }

        var error = read.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
        return error is null ? new PolicyText(json) : IamErrors.Malformed(error.Message);
    }
}
