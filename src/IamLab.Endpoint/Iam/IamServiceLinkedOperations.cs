using IamLab.Endpoint.Hosting;

namespace IamLab.Endpoint.Iam;

/// <summary>CreateServiceLinkedRole and DeleteServiceLinkedRole.</summary>
internal static class IamServiceLinkedOperations
{
    /// <summary>
    /// Authorized on <c>arn:aws:iam::ACCOUNT:role/aws-service-role/SERVICE/*</c> with <c>iam:AWSServiceName</c>, the
    /// resource and key AWS's examples grant it with (the role's name is the service's to choose).
    /// </summary>
    public static QueryOutcome CreateServiceLinkedRole(IamRequest r)
    {
        var service = r.Input.Required("AWSServiceName");
        var suffix = r.Input.Optional("CustomSuffix");
        var description = r.Input.Optional("Description");
        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["iam:AWSServiceName"] = [service] };
        return r.Serve("CreateServiceLinkedRole", "iam:CreateServiceLinkedRole", () => r.Arn("role", $"/aws-service-role/{service}/", "*"),
            iam => iam.CreateServiceLinkedRole(service, suffix, description), (w, role) => IamXml.Role(w, role), changed: true, context);
    }

    public static QueryOutcome DeleteServiceLinkedRole(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        return r.Serve("DeleteServiceLinkedRole", "iam:DeleteServiceLinkedRole", () => r.RoleArn(name),
            iam => iam.DeleteServiceLinkedRole(name), (w, taskId) => w.WriteElementString("DeletionTaskId", taskId), changed: true);
    }
}
