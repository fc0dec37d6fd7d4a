using System.Text;
using System.Xml;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// Writes AWS's XML documents: Query response envelopes (STS, IAM), EC2 responses, and the error documents of
/// the Query protocol, EC2 and S3. Text is escaped by <see cref="XmlWriter"/>; characters XML forbids in
/// error texts are replaced. Output is UTF-8 with an XML declaration.
/// </summary>
public static class AwsXml
{
    /// <summary>
    /// A Query response: <c>&lt;{Action}Response xmlns=…&gt;&lt;{Action}Result&gt;…&lt;/{Action}Result&gt;&lt;ResponseMetadata&gt;&lt;RequestId&gt;…</c>.
    /// </summary>
    /// <param name="action">The action, e.g. <c>AssumeRole</c>.</param>
    /// <param name="xmlNamespace">The API's namespace, e.g. <see cref="AwsXmlNamespaces.Sts"/>.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="writeResult">Writes the result's children (elements without a namespace inherit the API's), or null for actions without a result element.</param>
    /// <returns>The document.</returns>
    public static string QueryResponse(string action, string xmlNamespace, string requestId, Action<XmlWriter>? writeResult) =>
        Write(writer =>
        {
            writer.WriteStartElement(action + "Response", xmlNamespace);
            if (writeResult is not null)
            {
                writer.WriteStartElement(action + "Result");
                writeResult(writer);
                writer.WriteEndElement();
            }

            writer.WriteStartElement("ResponseMetadata");
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    /// <summary>An EC2 response: <c>&lt;{Action}Response xmlns=…&gt;&lt;requestId&gt;…&lt;/requestId&gt;…</c>.</summary>
    /// <param name="action">The action, e.g. <c>DescribeInstances</c>.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="writeBody">Writes the elements after <c>requestId</c>.</param>
    /// <returns>The document.</returns>
    public static string Ec2Response(string action, string requestId, Action<XmlWriter> writeBody) =>
        Write(writer =>
        {
            writer.WriteStartElement(action + "Response", AwsXmlNamespaces.Ec2);
            writer.WriteElementString("requestId", requestId);
            writeBody(writer);
            writer.WriteEndElement();
        });

    /// <summary>
    /// The Query protocol's error document:
    /// <c>&lt;ErrorResponse xmlns=…&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.
    /// </summary>
    /// <param name="error">The error.</param>
    /// <param name="xmlNamespace">The API's namespace.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The document.</returns>
    public static string QueryError(AwsError error, string xmlNamespace, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Write(writer =>
        {
            writer.WriteStartElement("ErrorResponse", xmlNamespace);
            writer.WriteStartElement("Error");
            writer.WriteElementString("Type", error.Type);
            writer.WriteElementString("Code", XmlText.Clean(error.Code));
            writer.WriteElementString("Message", XmlText.Clean(error.Message));
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        });
    }

    /// <summary>EC2's error document: <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;/Errors&gt;&lt;RequestID/&gt;&lt;/Response&gt;</c>.</summary>
    /// <param name="error">The error.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The document.</returns>
    public static string Ec2Error(AwsError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Write(writer =>
        {
            writer.WriteStartElement("Response");
            writer.WriteStartElement("Errors");
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", XmlText.Clean(error.Code));
            writer.WriteElementString("Message", XmlText.Clean(error.Message));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteElementString("RequestID", requestId);
            writer.WriteEndElement();
        });
    }

    /// <summary>
    /// S3's error document: <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…details…&lt;Resource/&gt;&lt;RequestId/&gt;&lt;/Error&gt;</c>,
    /// with <see cref="AwsError.Details"/> (e.g. <c>StringToSign</c>) as extra elements.
    /// </summary>
    /// <param name="error">The error.</param>
    /// <param name="resource">The bucket or object path, or null to omit the element.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The document.</returns>
    public static string S3Error(AwsError error, string? resource, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Write(writer =>
        {
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", XmlText.Clean(error.Code));
            writer.WriteElementString("Message", XmlText.Clean(error.Message));
            foreach (var (name, value) in error.Details)
            {
                writer.WriteElementString(XmlConvert.EncodeLocalName(name), XmlText.Clean(value));
            }

            if (resource is not null)
            {
                writer.WriteElementString("Resource", XmlText.Clean(resource));
            }

            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        });
    }

    /// <summary>A UTF-8 XML document (no byte order mark) whose content <paramref name="write"/> writes.</summary>
    internal static string Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new CleanXmlWriter(XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
