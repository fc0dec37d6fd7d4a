using IamLab.Endpoint.Hosting;

namespace IamLab.Endpoint.Iam;

/// <summary>
/// The permission policies of a role: Attach/DetachRolePolicy, Put/Get/DeleteRolePolicy,
/// ListAttachedRolePolicies and ListRolePolicies.
/// </summary>
internal static class IamRolePolicyOperations
{
    public static QueryOutcome AttachRolePolicy(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        var arn = r.Input.Required("PolicyArn");
        return IamRoleOperations.Change(r, "AttachRolePolicy", "iam:AttachRolePolicy", name, iam => iam.AttachRolePolicy(name, arn),
            resultElement: false, PolicyArnContext(arn));
    }

    public static QueryOutcome DetachRolePolicy(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        var arn = r.Input.Required("PolicyArn");
        return IamRoleOperations.Change(r, "DetachRolePolicy", "iam:DetachRolePolicy", name, iam => iam.DetachRolePolicy(name, arn),
            resultElement: false, PolicyArnContext(arn));
    }

    public static QueryOutcome PutRolePolicy(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        var policyName = r.Input.Required("PolicyName");
        var document = r.Input.Required("PolicyDocument");
        return IamRoleOperations.Change(r, "PutRolePolicy", "iam:PutRolePolicy", name, iam => iam.PutRolePolicy(name, policyName, document), resultElement: false);
    }

    public static QueryOutcome DeleteRolePolicy(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        var policyName = r.Input.Required("PolicyName");
        return IamRoleOperations.Change(r, "DeleteRolePolicy", "iam:DeleteRolePolicy", name, iam => iam.DeleteRolePolicy(name, policyName), resultElement: false);
    }

    public static QueryOutcome GetRolePolicy(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        var policyName = r.Input.Required("PolicyName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:GetRolePolicy", r.RoleArn(name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var found = r.Iam.GetRolePolicy(name, policyName);
            return found.IsSuccess
                ? r.Respond("GetRolePolicy", w =>
                {
                    w.WriteElementString("RoleName", name);
                    w.WriteElementString("PolicyName", policyName);
                    w.WriteElementString("PolicyDocument", IamXml.UrlEncode(found.Value.Json));
                }, changed: false)
                : found.Error!.ToAwsError();
        }
    }

    public static QueryOutcome ListAttachedRolePolicies(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:ListAttachedRolePolicies", r.RoleArn(name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var found = r.Iam.GetRole(name);
            if (!found.IsSuccess)
            {
                return found.Error!.ToAwsError();
            }

            return r.Respond("ListAttachedRolePolicies", w =>
            {
                w.WriteElementString("IsTruncated", "false");
                w.WriteStartElement("AttachedPolicies");
                foreach (var arn in found.Value.AttachedPolicyArns)
                {
                    w.WriteStartElement("member");
                    w.WriteElementString("PolicyName", arn[(arn.LastIndexOf('/') + 1)..]);
                    w.WriteElementString("PolicyArn", arn);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }, changed: false);
        }
    }

    public static QueryOutcome ListRolePolicies(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:ListRolePolicies", r.RoleArn(name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var found = r.Iam.GetRole(name);
            return found.IsSuccess
                ? r.Respond("ListRolePolicies", w =>
                {
                    w.WriteElementString("IsTruncated", "false");
                    IamXml.Members(w, "PolicyNames", found.Value.InlinePolicies.Keys);
                }, changed: false)
                : found.Error!.ToAwsError();
        }
    }

    internal static Dictionary<string, IReadOnlyList<string>> PolicyArnContext(string arn) =>
        new(StringComparer.Ordinal) { ["iam:PolicyARN"] = [arn] };
}
