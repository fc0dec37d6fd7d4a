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
        return r.Serve("GetRolePolicy", "iam:GetRolePolicy", () => r.RoleArn(name), iam => iam.GetRolePolicy(name, policyName), (w, policy) =>
        {
            w.WriteElementString("RoleName", name);
            w.WriteElementString("PolicyName", policyName);
            w.WriteElementString("PolicyDocument", IamXml.UrlEncode(policy.Json));
        }, changed: false);
    }

    public static QueryOutcome ListAttachedRolePolicies(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        return r.Serve("ListAttachedRolePolicies", "iam:ListAttachedRolePolicies", () => r.RoleArn(name), iam => iam.GetRole(name), (w, role) =>
        {
            w.WriteElementString("IsTruncated", "false");
            w.WriteStartElement("AttachedPolicies");
            foreach (var arn in role.AttachedPolicyArns)
            {
                w.WriteStartElement("member");
                w.WriteElementString("PolicyName", arn[(arn.LastIndexOf('/') + 1)..]);
                w.WriteElementString("PolicyArn", arn);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }, changed: false);
    }

    public static QueryOutcome ListRolePolicies(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        return r.Serve("ListRolePolicies", "iam:ListRolePolicies", () => r.RoleArn(name), iam => iam.GetRole(name), (w, role) =>
        {
            w.WriteElementString("IsTruncated", "false");
            IamXml.Members(w, "PolicyNames", role.InlinePolicies.Keys);
        }, changed: false);
    }

    internal static Dictionary<string, IReadOnlyList<string>> PolicyArnContext(string arn) =>
        new(StringComparer.Ordinal) { ["iam:PolicyARN"] = [arn] };
}
