using IamLab.Endpoint.Hosting;
using IamLab.World.Errors;
using IamLab.World.Iam;

namespace IamLab.Endpoint.Iam;

/// <summary>CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy, DeleteRole.</summary>
internal static class IamRoleOperations
{
    public static QueryOutcome CreateRole(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        var document = r.Input.Required("AssumeRolePolicyDocument");
        var path = r.Input.Optional("Path") ?? "/";
        var description = r.Input.Optional("Description");
        var maxSession = r.Input.Integer("MaxSessionDuration");
        var boundary = r.Input.Optional("PermissionsBoundary");
        var tags = r.Tags();
        return r.Input.Error
            ?? r.AuthorizeCreate("iam:CreateRole", "iam:TagRole", r.Arn("role", path, name), tags, boundary)
            ?? r.Answer("CreateRole", iam => iam.CreateRole(name, document, path, description, maxSession, tags, boundary),
                (w, role) => IamXml.Role(w, role), changed: true);
    }

    public static QueryOutcome GetRole(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        return r.Serve("GetRole", "iam:GetRole", () => r.RoleArn(name), iam => iam.GetRole(name),
            (w, role) => IamXml.Role(w, role, lastUsedAsOf: r.Call.World.Time.GetUtcNow()), changed: false);
    }

    public static QueryOutcome ListRoles(IamRequest r)
    {
        var prefix = r.Input.Optional("PathPrefix") ?? "/";
        // ListRoles has no resource type in the service authorization reference: it is authorized on "*".
        if (r.Refusal("iam:ListRoles", () => "*") is { } refused)
        {
            return refused;
        }

        lock (r.Gate)
        {
            var roles = r.Iam.ListRoles(prefix);
            return r.Respond("ListRoles", w =>
            {
                w.WriteElementString("IsTruncated", "false");
                w.WriteStartElement("Roles");
                foreach (var role in roles)
                {
                    IamXml.Role(w, role, "member", listed: true);
                }

                w.WriteEndElement();
            }, changed: false);
        }
    }

    public static QueryOutcome UpdateRole(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        var maxSession = r.Input.Integer("MaxSessionDuration");
        var description = r.Input.Optional("Description");
        return Change(r, "UpdateRole", "iam:UpdateRole", name, iam => AsDone(iam.UpdateRole(name, maxSession, description)), resultElement: true);
    }

    public static QueryOutcome UpdateAssumeRolePolicy(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        var document = r.Input.Required("PolicyDocument");
        return Change(r, "UpdateAssumeRolePolicy", "iam:UpdateAssumeRolePolicy", name, iam => AsDone(iam.UpdateAssumeRolePolicy(name, document)), resultElement: false);
    }

    public static QueryOutcome DeleteRole(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        return Change(r, "DeleteRole", "iam:DeleteRole", name, iam => iam.DeleteRole(name), resultElement: false);
    }

    /// <summary>A change to an existing role that answers with an empty result (or none).</summary>
    internal static QueryOutcome Change(IamRequest r, string action, string permission, string roleName, Func<IamService, IamResult<Done>> change,
        bool resultElement, IReadOnlyDictionary<string, IReadOnlyList<string>>? context = null) =>
        r.Serve(action, permission, () => r.RoleArn(roleName), change, resultElement ? (_, _) => { } : null, changed: true, context);

    internal static IamResult<Done> AsDone<T>(IamResult<T> result) => result.IsSuccess ? Done.Value : result.Forward<Done>();
}
