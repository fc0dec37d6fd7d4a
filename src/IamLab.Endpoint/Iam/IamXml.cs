using System.Globalization;
using System.Xml;
using IamLab.Endpoint.Hosting;
using IamLab.World;
using IamLab.World.Iam;

namespace IamLab.Endpoint.Iam;

/// <summary>
/// IAM's response elements: Role, User, Policy, InstanceProfile, Tags. Policy documents are URL-encoded
/// (RFC 3986), as IAM returns them.
/// </summary>
internal static class IamXml
{
    public static string UrlEncode(string document) => Uri.EscapeDataString(document);

    /// <summary>
    /// A Role element. GetRole passes <paramref name="lastUsedAsOf"/>, the world's time: AWS's GetRole always returns
    /// <c>RoleLastUsed</c>, empty when the role was not used within the tracking period (IAM API Reference, RoleLastUsed:
    /// "This field is null if the role has not been used within the IAM tracking period"; "Activity is only reported for
    /// the trailing 400 days"). ListRoles passes <paramref name="listed"/>: "IAM resource-listing operations return a
    /// subset of the available attributes for the resource. This operation does not return the following attributes, even
    /// though they are an attribute of the returned object: PermissionsBoundary, RoleLastUsed, Tags" (IAM API Reference,
    /// ListRoles).
    /// </summary>
    public static void Role(XmlWriter writer, Role role, string element = "Role", DateTimeOffset? lastUsedAsOf = null, bool listed = false)
    {
        StartEntity(writer, element, "Role", role.Path, role.Name, role.RoleId, role.Arn, role.CreateDate);
        writer.WriteElementString("AssumeRolePolicyDocument", UrlEncode(role.TrustPolicy.Json));
        if (role.Description is not null)
        {
            writer.WriteElementString("Description", role.Description);
        }

        writer.WriteElementString("MaxSessionDuration", role.MaxSessionDuration.ToString(CultureInfo.InvariantCulture));
        if (!listed)
        {
            Boundary(writer, role.PermissionsBoundaryArn);
            Tags(writer, role.Tags);
        }

        if (lastUsedAsOf is { } now && !listed)
        {
            writer.WriteStartElement("RoleLastUsed");
            if (role.RoleLastUsed?.AsReportedAt(now) is { } reported)
            {
                writer.WriteElementString("LastUsedDate", WireTime.Format(reported.LastUsedDate));
                writer.WriteElementString("Region", reported.Region);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    public static void User(XmlWriter writer, User user, string element = "User")
    {
        StartEntity(writer, element, "User", user.Path, user.Name, user.UserId, user.Arn, user.CreateDate);
        Boundary(writer, user.PermissionsBoundaryArn);
        Tags(writer, user.Tags);
        writer.WriteEndElement();
    }

    public static void Policy(XmlWriter writer, ManagedPolicy policy, int attachments, string element = "Policy")
    {
        writer.WriteStartElement(element);
        writer.WriteElementString("PolicyName", policy.Name);
        writer.WriteElementString("PolicyId", policy.PolicyId);
        writer.WriteElementString("Arn", policy.Arn);
        writer.WriteElementString("Path", policy.Path);
        writer.WriteElementString("DefaultVersionId", policy.DefaultVersionId);
        writer.WriteElementString("AttachmentCount", attachments.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("PermissionsBoundaryUsageCount", "0");
        writer.WriteElementString("IsAttachable", "true");
        var first = policy.Versions.Count > 0 ? policy.Versions[0].CreateDate : default;
        var latest = policy.Versions.Count > 0 ? policy.Versions[^1].CreateDate : default;
        writer.WriteElementString("CreateDate", WireTime.Format(first));
        writer.WriteElementString("UpdateDate", WireTime.Format(latest));
        writer.WriteEndElement();
    }

    public static void PolicyVersion(XmlWriter writer, ManagedPolicy policy, ManagedPolicyVersion version, string element = "PolicyVersion")
    {
        writer.WriteStartElement(element);
        writer.WriteElementString("Document", UrlEncode(version.Document.Json));
        writer.WriteElementString("VersionId", version.VersionId);
        writer.WriteElementString("IsDefaultVersion", version.VersionId == policy.DefaultVersionId ? "true" : "false");
        writer.WriteElementString("CreateDate", WireTime.Format(version.CreateDate));
        writer.WriteEndElement();
    }

    public static void InstanceProfile(XmlWriter writer, InstanceProfile profile, Func<string, Role?> roleByName, string element = "InstanceProfile")
    {
        StartEntity(writer, element, "InstanceProfile", profile.Path, profile.Name, profile.InstanceProfileId, profile.Arn, profile.CreateDate);
        writer.WriteStartElement("Roles");
        foreach (var name in profile.RoleNames)
        {
            if (roleByName(name) is { } role)
            {
                Role(writer, role, "member");
            }
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public static void Tags(XmlWriter writer, IReadOnlyCollection<Tag> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        writer.WriteStartElement("Tags");
        foreach (var tag in tags)
        {
            writer.WriteStartElement("member");
            writer.WriteElementString("Key", tag.Key);
            writer.WriteElementString("Value", tag.Value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    public static void Members(XmlWriter writer, string element, IEnumerable<string> values)
    {
        writer.WriteStartElement(element);
        foreach (var value in values)
        {
            writer.WriteElementString("member", value);
        }

        writer.WriteEndElement();
    }

    // Opens an IAM entity's element and writes what every entity starts with, in IAM's order:
    // Path, <KIND>Name, <KIND>Id, Arn, CreateDate.
    private static void StartEntity(XmlWriter writer, string element, string kind, string path, string name, string id, string arn, DateTimeOffset createDate)
    {
        writer.WriteStartElement(element);
        writer.WriteElementString("Path", path);
        writer.WriteElementString(kind + "Name", name);
        writer.WriteElementString(kind + "Id", id);
        writer.WriteElementString("Arn", arn);
        writer.WriteElementString("CreateDate", WireTime.Format(createDate));
    }

    private static void Boundary(XmlWriter writer, string? arn)
    {
        if (arn is null)
        {
            return;
        }

        writer.WriteStartElement("PermissionsBoundary");
        writer.WriteElementString("PermissionsBoundaryType", "Policy");
        writer.WriteElementString("PermissionsBoundaryArn", arn);
        writer.WriteEndElement();
    }
}
