using System.Globalization;
using System.Xml;
using IamLab.Endpoint.Protocol;
using IamLab.World.S3;

namespace IamLab.Endpoint.S3;

/// <summary>S3's success documents, in the 2006-03-01 namespace, and the reading of its request bodies.</summary>
public static class S3Xml
{
    /// <summary>S3's timestamp format in XML, e.g. <c>2009-10-12T17:50:30.000Z</c>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The ListObjectsV2 result.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="request">The listing parameters as sent.</param>
    /// <param name="page">The page.</param>
    /// <param name="objects">The objects by key (for size, ETag and time).</param>
    /// <returns>The document.</returns>
    public static string ListBucketResult(string bucket, S3ListRequest request, S3Listing page, IReadOnlyDictionary<string, BucketObject> objects)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(objects);
        var encode = request.UrlEncode ? (Func<string, string>)Uri.EscapeDataString : static s => s;
        return AwsXml.Write(writer =>
        {
            writer.WriteStartElement("ListBucketResult", AwsXmlNamespaces.S3);
            writer.WriteElementString("Name", bucket);
            writer.WriteElementString("Prefix", Clean(encode(request.Prefix)));
            if (request.Delimiter is not null)
            {
                writer.WriteElementString("Delimiter", Clean(encode(request.Delimiter)));
            }

            writer.WriteElementString("MaxKeys", request.MaxKeys.ToString(CultureInfo.InvariantCulture));
            if (request.UrlEncode)
            {
                writer.WriteElementString("EncodingType", "url");
            }

            writer.WriteElementString("KeyCount", page.KeyCount.ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("IsTruncated", page.IsTruncated ? "true" : "false");
            if (request.ContinuationToken is not null)
            {
                writer.WriteElementString("ContinuationToken", request.ContinuationToken);
            }

            if (page.NextContinuationToken is not null)
            {
                writer.WriteElementString("NextContinuationToken", page.NextContinuationToken);
            }

            if (request.StartAfter is not null)
            {
                writer.WriteElementString("StartAfter", Clean(encode(request.StartAfter)));
            }

            foreach (var key in page.Keys)
            {
                var item = objects[key];
                writer.WriteStartElement("Contents");
                writer.WriteElementString("Key", Clean(encode(key)));
                writer.WriteElementString("LastModified", Timestamp(item.LastModified));
                writer.WriteElementString("ETag", S3ETag.Of(item.Content));
                writer.WriteElementString("Size", item.Content.Length.ToString(CultureInfo.InvariantCulture));
                writer.WriteElementString("StorageClass", "STANDARD");
                writer.WriteEndElement();
            }

            foreach (var prefix in page.CommonPrefixes)
            {
                writer.WriteStartElement("CommonPrefixes");
                writer.WriteElementString("Prefix", Clean(encode(prefix)));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>The ListBuckets result: the caller's account's buckets.</summary>
    /// <param name="ownerId">The owner's id (the lab writes the account id).</param>
    /// <param name="buckets">The buckets with their creation times.</param>
    /// <returns>The document.</returns>
    public static string ListAllMyBucketsResult(string ownerId, IEnumerable<(string Name, DateTimeOffset Created)> buckets) =>
        AwsXml.Write(writer =>
        {
            writer.WriteStartElement("ListAllMyBucketsResult", AwsXmlNamespaces.S3);
            writer.WriteStartElement("Owner");
            writer.WriteElementString("ID", ownerId);
            writer.WriteEndElement();
            writer.WriteStartElement("Buckets");
            foreach (var (name, created) in buckets)
            {
                writer.WriteStartElement("Bucket");
                writer.WriteElementString("Name", name);
                writer.WriteElementString("CreationDate", Timestamp(created));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    /// <summary>The GetBucketLocation result: empty for us-east-1, else the region.</summary>
    /// <param name="region">The bucket's region.</param>
    /// <returns>The document.</returns>
    public static string LocationConstraint(string region) =>
        AwsXml.Write(writer =>
        {
            writer.WriteStartElement("LocationConstraint", AwsXmlNamespaces.S3);
            if (region != "us-east-1")
            {
                writer.WriteString(region);
            }

            writer.WriteEndElement();
        });

    /// <summary>
    /// Reads a CreateBucket body: empty, or <c>&lt;CreateBucketConfiguration&gt;&lt;LocationConstraint&gt;…</c>.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <param name="locationConstraint">The constraint, or null when absent.</param>
    /// <returns>True when the body is empty or a well-formed configuration; false for MalformedXML.</returns>
    public static bool TryReadCreateBucketConfiguration(ReadOnlySpan<byte> body, out string? locationConstraint)
    {
        locationConstraint = null;
        if (IsWhitespace(body))
        {
            return true;
        }

        try
        {
            using var stream = new MemoryStream(body.ToArray());
            using var reader = XmlReader.Create(stream, SafeSettings);
            reader.MoveToContent();
            if (reader.LocalName != "CreateBucketConfiguration")
            {
                return false;
            }

            var document = new XmlDocument { XmlResolver = null };
            document.Load(reader);
            foreach (XmlNode child in document.DocumentElement!.ChildNodes)
            {
                if (child.NodeType == XmlNodeType.Element && child.LocalName == "LocationConstraint")
                {
                    locationConstraint = child.InnerText.Trim();
                }
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static XmlReaderSettings SafeSettings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 64 * 1024,
    };

    private static bool IsWhitespace(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Clean(string text) => Protocol.XmlText.Clean(text);
}
