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
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:CreatePolicy", r.Arn("policy", path, name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var created = r.Iam.CreatePolicy(name, document, path);
            return created.IsSuccess
                ? r.Respond("CreatePolicy", w => IamXml.Policy(w, created.Value, 0), changed: true)
                : created.Error!.ToAwsError();
        }
    }

    public static QueryOutcome CreatePolicyVersion(IamRequest r)
    {
        var arn = r.Input.Required("PolicyArn");
        var document = r.Input.Required("PolicyDocument");
        var setAsDefault = r.Input.Boolean("SetAsDefault") ?? false;
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:CreatePolicyVersion", arn) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var created = r.Iam.CreatePolicyVersion(arn, document, setAsDefault);
            if (!created.IsSuccess)
            {
                return created.Error!.ToAwsError();
            }

            var policy = r.Call.World.FindPolicy(arn)!;
            return r.Respond("CreatePolicyVersion", w => IamXml.PolicyVersion(w, policy, created.Value), changed: true);
        }
    }

    public static QueryOutcome GetPolicy(IamRequest r)
    {
        var arn = r.Input.Required("PolicyArn");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:GetPolicy", arn) is { } denied)
        {
            return denied;
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
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:GetPolicyVersion", arn) is { } denied)
        {
            return denied;
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
