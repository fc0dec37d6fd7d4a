using IamLab.Endpoint.Hosting;
using IamLab.World.Iam;

namespace IamLab.Endpoint.Iam;

/// <summary>Customer managed policies: CreatePolicy, CreatePolicyVersion, GetPolicy, GetPolicyVersion.</summary>
internal static class IamPolicyOperations
{
    public static QueryOutcome CreatePolicy(IamRequest r)
    {
        var name = r.Input.Required("PolicyName");
        var document = r.Input.Required("PolicyDocument");
        var path = r.Input.Optional("Path") ?? "/";
        return r.Serve("CreatePolicy", "iam:CreatePolicy", () => r.Arn("policy", path, name), iam => iam.CreatePolicy(name, document, path),
            (w, policy) => IamXml.Policy(w, policy, 0), changed: true);
    }

    public static QueryOutcome CreatePolicyVersion(IamRequest r)
    {
        var arn = r.Input.Required("PolicyArn");
        var document = r.Input.Required("PolicyDocument");
        var setAsDefault = r.Input.Boolean("SetAsDefault") ?? false;
        return r.Serve("CreatePolicyVersion", "iam:CreatePolicyVersion", () => arn, iam => iam.CreatePolicyVersion(arn, document, setAsDefault),
            (w, version) => IamXml.PolicyVersion(w, r.Call.World.FindPolicy(arn)!, version), changed: true);
    }

    public static QueryOutcome GetPolicy(IamRequest r)
    {
        var arn = r.Input.Required("PolicyArn");
        if (r.Refusal("iam:GetPolicy", () => arn) is { } refused)
        {
            return refused;
        }

        lock (r.Gate)
        {
            var policy = r.Call.World.FindPolicy(arn);
            return policy is null
                ? NoSuchPolicy(arn)
                : r.Respond("GetPolicy", w => IamXml.Policy(w, policy, Attachments(r, arn)), changed: false);
        }
    }

    public static QueryOutcome GetPolicyVersion(IamRequest r)
    {
        var arn = r.Input.Required("PolicyArn");
        var versionId = r.Input.Required("VersionId");
        if (r.Refusal("iam:GetPolicyVersion", () => arn) is { } refused)
        {
            return refused;
        }

        lock (r.Gate)
        {
            var policy = r.Call.World.FindPolicy(arn);
            if (policy is null)
            {
                return NoSuchPolicy(arn);
            }

            var version = policy.Versions.FirstOrDefault(v => v.VersionId == versionId);
            return version is null
                ? new Protocol.AwsError("NoSuchEntity", $"Policy {arn} version {versionId} does not exist or is not attachable.", 404)
                : r.Respond("GetPolicyVersion", w => IamXml.PolicyVersion(w, policy, version), changed: false);
        }
    }

    private static Protocol.AwsError NoSuchPolicy(string arn) => IamErrors.NoSuchPolicy(arn).ToAwsError();

    // Attachments in the caller's account: roles, users and groups that name the policy.
    private static int Attachments(IamRequest r, string arn)
    {
        var account = r.Iam.Account;
        return account.Roles.Values.Count(x => x.AttachedPolicyArns.Contains(arn))
            + account.Users.Values.Count(x => x.AttachedPolicyArns.Contains(arn))
            + account.Groups.Values.Count(x => x.AttachedPolicyArns.Contains(arn));
    }
}
