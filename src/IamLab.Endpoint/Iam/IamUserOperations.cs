using IamLab.Endpoint.Hosting;
using IamLab.World.Errors;
using IamLab.World.Iam;

namespace IamLab.Endpoint.Iam;

/// <summary>Users and groups: CreateUser, GetUser, CreateAccessKey, AttachUserPolicy, PutUserPolicy, CreateGroup, AddUserToGroup, AttachGroupPolicy.</summary>
internal static class IamUserOperations
{
    public static QueryOutcome CreateUser(IamRequest r)
    {
        var name = r.Input.Required("UserName");
        var path = r.Input.Optional("Path") ?? "/";
        var boundary = r.Input.Optional("PermissionsBoundary");
        var tags = r.Tags();
        return r.Input.Error
            ?? r.AuthorizeCreate("iam:CreateUser", "iam:TagUser", r.Arn("user", path, name), tags, boundary)
            ?? r.Answer("CreateUser", iam => iam.CreateUser(name, path, tags, boundary), (w, user) => IamXml.User(w, user), changed: true);
    }

    /// <summary>
    /// GetUser; without UserName, the user whose key signed the request, or the root user itself (its account id as
    /// UserId and the root ARN; the lab keeps no creation date for accounts, so CreateDate is left out).
    /// </summary>
    public static QueryOutcome GetUser(IamRequest r)
    {
        var identity = r.Call.Identity!;
        var name = r.Input.Optional("UserName") ?? identity.User?.Name;
        if (name is null && identity.Session is null)
        {
            return r.Respond("GetUser", w =>
            {
                w.WriteStartElement("User");
                w.WriteElementString("UserId", identity.Account);
                w.WriteElementString("Arn", identity.Arn);
                w.WriteEndElement();
            }, changed: false);
        }

        if (name is null)
        {
            return NotAUser();
        }

        return r.Serve("GetUser", "iam:GetUser", () => r.UserArn(name), iam => iam.GetUser(name), (w, user) => IamXml.User(w, user), changed: false);
    }

    /// <summary>CreateAccessKey; without UserName, for the user whose key signed the request.</summary>
    public static QueryOutcome CreateAccessKey(IamRequest r)
    {
        var name = r.Input.Optional("UserName") ?? r.Call.Identity!.User?.Name;
        if (name is null)
        {
            // A role session, or the root user (the lab does not model root access keys).
            return NotAUser();
        }

        return r.Serve("CreateAccessKey", "iam:CreateAccessKey", () => r.UserArn(name), iam => iam.CreateAccessKey(name), (w, created) =>
        {
            var key = r.Iam.Account.Users[name].AccessKeys.First(k => k.AccessKeyId == created.AccessKeyId);
            w.WriteStartElement("AccessKey");
            w.WriteElementString("UserName", key.UserName);
            w.WriteElementString("AccessKeyId", key.AccessKeyId);
            w.WriteElementString("Status", key.Status);
            w.WriteElementString("SecretAccessKey", key.SecretAccessKey);
            w.WriteElementString("CreateDate", WireTime.Format(key.CreateDate));
            w.WriteEndElement();
        }, changed: true);
    }

    public static QueryOutcome AttachUserPolicy(IamRequest r)
    {
        var name = r.Input.Required("UserName");
        var arn = r.Input.Required("PolicyArn");
        return UserChange(r, "AttachUserPolicy", "iam:AttachUserPolicy", name, iam => iam.AttachUserPolicy(name, arn), IamRolePolicyOperations.PolicyArnContext(arn));
    }

    public static QueryOutcome PutUserPolicy(IamRequest r)
    {
        var name = r.Input.Required("UserName");
        var policyName = r.Input.Required("PolicyName");
        var document = r.Input.Required("PolicyDocument");
        return UserChange(r, "PutUserPolicy", "iam:PutUserPolicy", name, iam => iam.PutUserPolicy(name, policyName, document), null);
    }

    public static QueryOutcome CreateGroup(IamRequest r)
    {
        var name = r.Input.Required("GroupName");
        var path = r.Input.Optional("Path") ?? "/";
        return r.Serve("CreateGroup", "iam:CreateGroup", () => r.Arn("group", path, name), iam => iam.CreateGroup(name, path), (w, group) =>
        {
            w.WriteStartElement("Group");
            w.WriteElementString("Path", path);
            w.WriteElementString("GroupName", group.Name);
            w.WriteElementString("GroupId", group.GroupId);
            w.WriteElementString("Arn", group.Arn);
            w.WriteEndElement();
        }, changed: true);
    }

    public static QueryOutcome AddUserToGroup(IamRequest r)
    {
        var group = r.Input.Required("GroupName");
        var user = r.Input.Required("UserName");
        return GroupChange(r, "AddUserToGroup", "iam:AddUserToGroup", group, iam => iam.AddUserToGroup(group, user), null);
    }

    public static QueryOutcome AttachGroupPolicy(IamRequest r)
    {
        var group = r.Input.Required("GroupName");
        var arn = r.Input.Required("PolicyArn");
        return GroupChange(r, "AttachGroupPolicy", "iam:AttachGroupPolicy", group, iam => iam.AttachGroupPolicy(group, arn), IamRolePolicyOperations.PolicyArnContext(arn));
    }

    // AWS's answer when a user-less caller omits UserName (text as commonly reported; not checked against AWS here).
    private static QueryOutcome NotAUser() =>
        new Protocol.AwsError("ValidationError", "Must specify userName when calling with non-User credentials", 400);

    private static QueryOutcome UserChange(IamRequest r, string action, string permission, string userName, Func<IamService, IamResult<Done>> change,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? context) =>
        r.Serve(action, permission, () => r.UserArn(userName), change, write: null, changed: true, context);

    private static QueryOutcome GroupChange(IamRequest r, string action, string permission, string groupName, Func<IamService, IamResult<Done>> change,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? context) =>
        r.Serve(action, permission, () => GroupArn(r, groupName), change, write: null, changed: true, context);

    private static string GroupArn(IamRequest r, string groupName)
    {
        lock (r.Gate)
        {
            return r.Iam.Account.Groups.TryGetValue(groupName, out var group) ? group.Arn : r.Arn("group", "/", groupName);
        }
    }
}
