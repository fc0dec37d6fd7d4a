using System.Globalization;
using System.Xml;
using IamLab.Endpoint.Protocol;
using IamLab.World.Compute;

namespace IamLab.Endpoint.Ec2;

/// <summary>EC2's response documents for the actions the lab answers (namespace <c>http://ec2.amazonaws.com/doc/2016-11-15/</c>).</summary>
public static class Ec2Xml
{
    /// <summary>One launched instance, as RunInstances describes it.</summary>
    /// <param name="InstanceId">The instance id.</param>
    /// <param name="ImageId">The AMI as sent.</param>
    /// <param name="InstanceType">The instance type as sent (or the default).</param>
    /// <param name="LaunchTime">When it was launched.</param>
    /// <param name="Profile">Its instance profile association, if any.</param>
    public sealed record LaunchedInstance(string InstanceId, string ImageId, string InstanceType, DateTimeOffset LaunchTime, Ec2Association? Profile)
    {
        /// <summary>Its metadata options (EC2's defaults when not set).</summary>
        public InstanceMetadataOptions MetadataOptions { get; init; } = new();

        /// <summary>Its VPC, if known.</summary>
        public string? VpcId { get; init; }

        /// <summary>Its private IPv4 address, if known.</summary>
        public string? PrivateIpAddress { get; init; }
    }

    /// <summary>The RunInstances response: a reservation with its instances in the <c>pending</c> state.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="reservationId">The reservation id.</param>
    /// <param name="ownerId">The account.</param>
    /// <param name="instances">The instances.</param>
    /// <returns>The document.</returns>
    public static string RunInstances(string requestId, string reservationId, string ownerId, IReadOnlyList<LaunchedInstance> instances) =>
        AwsXml.Ec2Response("RunInstances", requestId, writer =>
        {
            writer.WriteElementString("reservationId", reservationId);
            writer.WriteElementString("ownerId", ownerId);
            writer.WriteStartElement("groupSet");
            writer.WriteEndElement();
            writer.WriteStartElement("instancesSet");
            for (var i = 0; i < instances.Count; i++)
            {
                var instance = instances[i];
                writer.WriteStartElement("item");
                writer.WriteElementString("instanceId", instance.InstanceId);
                writer.WriteElementString("imageId", instance.ImageId);
                writer.WriteStartElement("instanceState");
                writer.WriteElementString("code", "0");
                writer.WriteElementString("name", "pending");
                writer.WriteEndElement();
                writer.WriteElementString("amiLaunchIndex", i.ToString(CultureInfo.InvariantCulture));
                writer.WriteElementString("instanceType", instance.InstanceType);
                writer.WriteElementString("launchTime", Timestamp(instance.LaunchTime));
                if (instance.PrivateIpAddress is { } ip)
                {
                    writer.WriteElementString("privateIpAddress", ip);
                }

                if (instance.VpcId is { } vpc)
                {
                    writer.WriteElementString("vpcId", vpc);
                }

                if (instance.Profile is { } profile)
                {
                    WriteProfile(writer, profile);
                }

                writer.WriteStartElement("metadataOptions");
                WriteMetadataOptions(writer, instance.MetadataOptions);
                writer.WriteEndElement();

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });

    /// <summary>The AssociateIamInstanceProfile response.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="association">The new association.</param>
    /// <returns>The document.</returns>
    public static string AssociateIamInstanceProfile(string requestId, Ec2Association association) =>
        AwsXml.Ec2Response("AssociateIamInstanceProfile", requestId, writer =>
        {
            writer.WriteStartElement("iamInstanceProfileAssociation");
            WriteAssociation(writer, association);
            writer.WriteEndElement();
        });

    /// <summary>The DescribeIamInstanceProfileAssociations response.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="associations">The associations.</param>
    /// <returns>The document.</returns>
    public static string DescribeIamInstanceProfileAssociations(string requestId, IEnumerable<Ec2Association> associations) =>
        AwsXml.Ec2Response("DescribeIamInstanceProfileAssociations", requestId, writer =>
        {
            writer.WriteStartElement("iamInstanceProfileAssociationSet");
            foreach (var association in associations)
            {
                writer.WriteStartElement("item");
                WriteAssociation(writer, association);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });

    /// <summary>The ModifyInstanceMetadataOptions response: the instance and its new options, in the <c>pending</c> state.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="options">Its options after the change.</param>
    /// <returns>The document.</returns>
    public static string ModifyInstanceMetadataOptions(string requestId, string instanceId, InstanceMetadataOptions options) =>
        AwsXml.Ec2Response("ModifyInstanceMetadataOptions", requestId, writer =>
        {
            writer.WriteElementString("instanceId", instanceId);
            writer.WriteStartElement("instanceMetadataOptions");
            WriteMetadataOptions(writer, options);
            writer.WriteEndElement();
        });

    /// <summary>EC2's timestamp format, e.g. <c>2026-01-01T00:00:00.000Z</c>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // EC2's InstanceMetadataOptionsResponse: a change is "pending" until applied; the lab applies it at once but answers
    // as EC2 does. IPv6 and instance tags in metadata are not modelled: always "disabled".
    private static void WriteMetadataOptions(XmlWriter writer, InstanceMetadataOptions options)
    {
        writer.WriteElementString("state", "pending");
        writer.WriteElementString("httpTokens", options.HttpTokens);
        writer.WriteElementString("httpPutResponseHopLimit", options.HttpPutResponseHopLimit.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("httpEndpoint", options.HttpEndpoint);
        writer.WriteElementString("httpProtocolIpv6", "disabled");
        writer.WriteElementString("instanceMetadataTags", "disabled");
    }

    private static void WriteAssociation(XmlWriter writer, Ec2Association association)
    {
        writer.WriteElementString("associationId", association.AssociationId);
        writer.WriteElementString("instanceId", association.InstanceId);
        WriteProfile(writer, association);
        writer.WriteElementString("state", association.State);
    }

    private static void WriteProfile(XmlWriter writer, Ec2Association association)
    {
        writer.WriteStartElement("iamInstanceProfile");
        writer.WriteElementString("arn", association.ProfileArn);
        writer.WriteElementString("id", association.ProfileId);
        writer.WriteEndElement();
    }
}
