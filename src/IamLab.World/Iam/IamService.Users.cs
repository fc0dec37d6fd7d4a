using IamLab.Policy.Validation;
using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    /// <summary>CreateUser.</summary>
    public IamResult<User> CreateUser(string userName, string path = "/", IEnumerable<Tag>? tags = null, string? permissionsBoundary = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var tagList = tags?.ToList();
        if ((IamNames.Check(userName, "userName", 64, path) ?? IamNames.CheckTags(tagList)) is { } invalid)
        {
            return invalid;
        }

        if (Account.Users.ContainsKey(userName))
        {
            return IamErrors.UserExists(userName);
        }

        if (Account.Users.Count >= Limits.IamQuotas.UsersPerAccount)
        {
            return Limits.IamQuotas.Exceeded("UsersPerAccount", Limits.IamQuotas.UsersPerAccount);
        }

        if (permissionsBoundary is not null && AttachablePolicy(permissionsBoundary) is null)
        {
            return IamErrors.NoSuchPolicy(permissionsBoundary);
        }

        var user = new User
        {
            Name = userName,
            Path = path,
            Arn = ArnOf("user", path, userName),
            UserId = world.Ids.UniqueId("AIDA"),
            AccountId = Account.Id,
            CreateDate = world.Now,
            Tags = tagList ?? [],
            PermissionsBoundaryArn = permissionsBoundary,
        };
        Account.Users[userName] = user;
        world.SyncCounter();
        return user;
    }

    /// <summary>GetUser.</summary>
    public IamResult<User> GetUser(string userName) =>
        Account.Users.TryGetValue(userName, out var user) ? user : IamErrors.NoSuchUser(userName);

    /// <summary>CreateAccessKey: an <c>AKIA…</c> key and its secret (at most two per user).</summary>
    public IamResult<Credentials> CreateAccessKey(string userName)
    {
        var found = GetUser(userName);
        if (!found.IsSuccess)
        {
            return found.Forward<Credentials>();
        }

        if (found.Value.AccessKeys.Count >= 2)
        {
            return IamErrors.TwoAccessKeys();
        }

        var key = new AccessKey(found.Value.Name, world.Ids.AccessKeyId("AKIA"), world.Ids.Secret(), "Active", world.Now);
        found.Value.AccessKeys.Add(key);
        world.SyncCounter();
        return new Credentials(key.AccessKeyId, key.SecretAccessKey);
    }

    /// <summary>AttachUserPolicy.</summary>
    public IamResult<Done> AttachUserPolicy(string userName, string policyArn)
    {
        var found = GetUser(userName);
        return found.IsSuccess ? AttachTo(found.Value.AttachedPolicyArns, policyArn, "PoliciesPerUser") : found.Forward<Done>();
    }

    /// <summary>PutUserPolicy: adds or replaces an inline policy after validating it.</summary>
    public IamResult<Done> PutUserPolicy(string userName, string policyName, string policyDocument)
    {
        var found = GetUser(userName);
        return found.IsSuccess ? PutInline(found.Value.InlinePolicies, found.Value.Name, policyName, policyDocument, DocumentKind.InlineUser) : found.Forward<Done>();
    }

    /// <summary>CreateGroup.</summary>
    public IamResult<Group> CreateGroup(string groupName, string path = "/")
    {
        if (IamNames.Check(groupName, "groupName", 128, path) is { } invalid)
        {
            return invalid;
        }

        if (Account.Groups.ContainsKey(groupName))
        {
            return IamErrors.GroupExists(groupName);
        }

        if (Account.Groups.Count >= Limits.IamQuotas.GroupsPerAccount)
        {
            return Limits.IamQuotas.Exceeded("GroupsPerAccount", Limits.IamQuotas.GroupsPerAccount);
        }

        var group = new Group { Name = groupName, Arn = ArnOf("group", path, groupName), GroupId = world.Ids.UniqueId("AGPA") };
        Account.Groups[groupName] = group;
        world.SyncCounter();
        return group;
    }

    /// <summary>AddUserToGroup.</summary>
    public IamResult<Done> AddUserToGroup(string groupName, string userName)
    {
        if (!Account.Groups.TryGetValue(groupName, out var group))
        {
            return IamErrors.NoSuchGroup(groupName);
        }

        var user = GetUser(userName);
        if (!user.IsSuccess)
        {
            return user.Forward<Done>();
        }

        if (!user.Value.Groups.Contains(group.Name))
        {
            if (user.Value.Groups.Count >= Limits.IamQuotas.GroupsPerUser)
            {
                return Limits.IamQuotas.Exceeded("GroupsPerUser", Limits.IamQuotas.GroupsPerUser);
            }

            user.Value.Groups.Add(group.Name);
        }

        return Done.Value;
    }

    /// <summary>AttachGroupPolicy.</summary>
    public IamResult<Done> AttachGroupPolicy(string groupName, string policyArn)
    {
        return Account.Groups.TryGetValue(groupName, out var group) ? AttachTo(group.AttachedPolicyArns, policyArn, "PoliciesPerGroup") : IamErrors.NoSuchGroup(groupName);
    }
}
