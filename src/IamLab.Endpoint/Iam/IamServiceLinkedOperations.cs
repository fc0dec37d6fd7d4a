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
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["iam:AWSServiceName"] = [service] };
        if (r.Authorize("iam:CreateServiceLinkedRole", r.Arn("role", $"/aws-service-role/{service}/", "*"), context) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var created = r.Iam.CreateServiceLinkedRole(service, suffix, description);
            return created.IsSuccess
                ? r.Respond("CreateServiceLinkedRole", w => IamXml.Role(w, created.Value), changed: true)
                : created.Error!.ToAwsError();
        }
    }

    public static QueryOutcome DeleteServiceLinkedRole(IamRequest r)
    {
        var name = r.Input.Required("RoleName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:DeleteServiceLinkedRole", r.RoleArn(name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var deleted = r.Iam.DeleteServiceLinkedRole(name);
            return deleted.IsSuccess
                ? r.Respond("DeleteServiceLinkedRole", w => w.WriteElementString("DeletionTaskId", deleted.Value), changed: true)
                : deleted.Error!.ToAwsError();
        }
    }
}
