using IamLab.World.Errors;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    private static readonly Dictionary<string, string> ServiceRoleNames = new(StringComparer.Ordinal)
    {
        ["autoscaling.amazonaws.com"] = "AWSServiceRoleForAutoScaling",
        ["elasticloadbalancing.amazonaws.com"] = "AWSServiceRoleForElasticLoadBalancing",
        ["ecs.amazonaws.com"] = "AWSServiceRoleForECS",
        ["rds.amazonaws.com"] = "AWSServiceRoleForRDS",
        ["ssm.amazonaws.com"] = "AWSServiceRoleForAmazonSSM",
        ["organizations.amazonaws.com"] = "AWSServiceRoleForOrganizations",
    };

    /// <summary>
    /// CreateServiceLinkedRole: the role a service makes for itself, under <c>/aws-service-role/SERVICE/</c>,
    /// trusting only that service. Its trust policy and permissions cannot be changed afterwards.
    /// </summary>
    public IamResult<Role> CreateServiceLinkedRole(string awsServiceName, string? customSuffix = null, string? description = null)
    {
        if (!ServiceRoleNames.TryGetValue(awsServiceName, out var baseName))
        {
            return IamErrors.UnknownService(awsServiceName);
        }

        if (IamNames.CheckDescription(description) is { } invalid)
        {
            return invalid;
        }

        var name = customSuffix is null ? baseName : $"{baseName}_{customSuffix}";
        if (Account.Roles.ContainsKey(name))
        {
            return IamErrors.ServiceRoleNameTaken(name);
        }

        var path = $"/aws-service-role/{awsServiceName}/";
        var trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"{{awsServiceName}}"},"Action":"sts:AssumeRole"}]}""";
        var role = new Role
        {
            Name = name,
            Path = path,
            Arn = ArnOf("role", path, name),
            RoleId = world.Ids.UniqueId("AROA"),
            AccountId = Account.Id,
            CreateDate = world.Now,
            TrustPolicy = new PolicyText(trust),
            Description = description,
            LinkedService = awsServiceName,
        };
        Account.Roles[name] = role;
        world.SyncCounter();
        return role;
    }

    /// <summary>DeleteServiceLinkedRole: the only way to delete one; returns the deletion task id (the lab deletes at once).</summary>
    public IamResult<string> DeleteServiceLinkedRole(string roleName)
    {
        var found = GetRole(roleName);
        if (!found.IsSuccess)
        {
            return found.Forward<string>();
        }

        if (!found.Value.IsServiceLinked)
        {
            return IamErrors.NotServiceLinked(found.Value.Name);
        }

        Account.Roles.Remove(found.Value.Name);
        var task = $"task/aws-service-role/{found.Value.LinkedService}/{found.Value.Name}/{world.Ids.Hex(8)}-{world.Ids.Hex(4)}-{world.Ids.Hex(4)}-{world.Ids.Hex(4)}-{world.Ids.Hex(12)}";
        world.SyncCounter();
        return task;
    }
}
