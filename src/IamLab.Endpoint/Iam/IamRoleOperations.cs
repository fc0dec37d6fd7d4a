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
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.AuthorizeCreate("iam:CreateRole", "iam:TagRole", r.Arn("role", path, name), tags, boundary) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var created = r.Iam.CreateRole(name, document, path, description, maxSession, tags, boundary);
            return created.IsSuccess
                ? r.Respond("CreateRole", w => IamXml.Role(w, created.Value), changed: true)
                : created.Error!.ToAwsError();
        }
    }

    public static QueryOutcome GetRole(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:GetRole", r.RoleArn(name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var found = r.Iam.GetRole(name);
            return found.IsSuccess
                ? r.Respond("GetRole", w => IamXml.Role(w, found.Value), changed: false)
                : found.Error!.ToAwsError();
        }
    }

    public static QueryOutcome ListRoles(IamRequest r)
    {
        var prefix = r.Input.Optional("PathPrefix") ?? "/";
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        // ListRoles has no resource type in the service authorization reference: it is authorized on "*".
        if (r.Authorize("iam:ListRoles", "*") is { } denied)
        {
            return denied;
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
                    IamXml.Role(w, role, "member");
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
        bool resultElement, IReadOnlyDictionary<string, IReadOnlyList<string>>? context = null)
    {
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize(permission, r.RoleArn(roleName), context) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var done = change(r.Iam);
            return done.IsSuccess
                ? r.Respond(action, resultElement ? _ => { } : null, changed: true)
                : done.Error!.ToAwsError();
        }
    }

    internal static IamResult<Done> AsDone<T>(IamResult<T> result) => result.IsSuccess ? Done.Value : result.Forward<Done>();
}
