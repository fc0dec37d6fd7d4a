using System.Globalization;
using System.Xml;
using IamLab.Endpoint.Hosting;
using IamLab.World.Sts;

namespace IamLab.Endpoint.Sts;

/// <summary>The elements STS responses share: Credentials, AssumedRoleUser, PackedPolicySize, SourceIdentity.</summary>
internal static class StsXml
{
    public static void Session(XmlWriter writer, AssumeRoleResult result)
    {
        writer.WriteStartElement("Credentials");
        writer.WriteElementString("AccessKeyId", result.Credentials.AccessKeyId);
        writer.WriteElementString("SecretAccessKey", result.Credentials.SecretAccessKey);
        writer.WriteElementString("SessionToken", result.Credentials.SessionToken);
        writer.WriteElementString("Expiration", WireTime.Format(result.Credentials.Expiration ?? result.Session.Expiration));
        writer.WriteEndElement();
        writer.WriteStartElement("AssumedRoleUser");
        writer.WriteElementString("AssumedRoleId", result.AssumedRoleUser.AssumedRoleId);
        writer.WriteElementString("Arn", result.AssumedRoleUser.Arn);
        writer.WriteEndElement();
        writer.WriteElementString("PackedPolicySize", result.PackedPolicySize.ToString(CultureInfo.InvariantCulture));
        if (result.SourceIdentity is not null)
        {
            writer.WriteElementString("SourceIdentity", result.SourceIdentity);
        }
    }
}
