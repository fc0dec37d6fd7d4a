using IamLab.Policy.Validation;
using IamLab.World.Errors;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    /// <summary>CreatePolicy: a customer managed policy, validated first (MalformedPolicyDocument on an ERROR).</summary>
    public IamResult<ManagedPolicy> CreatePolicy(string policyName, string policyDocument, string path = "/")
    {
        if (IamNames.Check(policyName, "policyName", 128, path) is { } invalid)
        {
            return invalid;
        }

        var arn = ArnOf("policy", path, policyName);
        if (Account.Policies.Values.Any(p => p.Name.Equals(policyName, StringComparison.OrdinalIgnoreCase)))
        {
            return IamErrors.PolicyExists(policyName);
        }

        if (Account.Policies.Count >= Limits.IamQuotas.PoliciesPerAccount)
        {
            return Limits.IamQuotas.Exceeded("PoliciesPerAccount", Limits.IamQuotas.PoliciesPerAccount);
        }

        var document = PolicyCheck.Validate(policyDocument, DocumentKind.Identity);
        if (!document.IsSuccess)
        {
            return document.Forward<ManagedPolicy>();
        }

        var policy = new ManagedPolicy
        {
            Name = policyName,
            Path = path,
            Arn = arn,
            PolicyId = world.Ids.UniqueId("ANPA"),
            Versions = [new ManagedPolicyVersion("v1", document.Value, world.Now)],
        };
        Account.Policies[arn] = policy;
        world.SyncCounter();
        return policy;
    }

    /// <summary>CreatePolicyVersion: a new version (at most five kept), optionally made the default.</summary>
    public IamResult<ManagedPolicyVersion> CreatePolicyVersion(string policyArn, string policyDocument, bool setAsDefault)
    {
        if (!Account.Policies.TryGetValue(policyArn, out var policy))
        {
            return IamErrors.NoSuchPolicy(policyArn);
        }

        if (policy.Versions.Count >= 5)
        {
            return IamErrors.FiveVersions(policyArn);
        }

        var document = PolicyCheck.Validate(policyDocument, DocumentKind.Identity);
        if (!document.IsSuccess)
        {
            return document.Forward<ManagedPolicyVersion>();
        }

        var next = policy.Versions.Max(v => int.Parse(v.VersionId[1..], System.Globalization.CultureInfo.InvariantCulture)) + 1;
        var version = new ManagedPolicyVersion($"v{next}", document.Value, world.Now);
        policy.Versions.Add(version);
        if (setAsDefault)
        {
            policy.DefaultVersionId = version.VersionId;
        }

        return version;
    }
}
