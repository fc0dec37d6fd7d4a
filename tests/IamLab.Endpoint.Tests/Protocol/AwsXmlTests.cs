using System.Xml.Linq;
using IamLab.Endpoint.Protocol;
using Xunit;

namespace IamLab.Endpoint.Tests.Protocol;

/// <summary>The exact shapes of the documents, for the APIs whose SDK is not available here (IAM).</summary>
public class AwsXmlTests
{
    private static readonly XNamespace Iam = AwsXmlNamespaces.Iam;

    [Fact]
    public void QueryResponse_Iam_PutsEveryElementInTheIamNamespace()
    {
        var xml = AwsXml.QueryResponse("GetRole", AwsXmlNamespaces.Iam, "req-1", w =>
        {
            w.WriteStartElement("Role");
            w.WriteElementString("RoleName", "Reader");
            w.WriteEndElement();
        });

        var root = XDocument.Parse(xml).Root!;
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Iam + "GetRoleResponse", root.Name);
        Assert.Equal("Reader", (string?)root.Element(Iam + "GetRoleResult")?.Element(Iam + "Role")?.Element(Iam + "RoleName"));
        Assert.Equal("req-1", (string?)root.Element(Iam + "ResponseMetadata")?.Element(Iam + "RequestId"));
        Assert.DoesNotContain("xmlns=\"\"", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryResponse_WithoutResult_HasOnlyResponseMetadata()
    {
        var root = XDocument.Parse(AwsXml.QueryResponse("DeleteRole", AwsXmlNamespaces.Iam, "req-2", null)).Root!;

        Assert.Equal([Iam + "ResponseMetadata"], root.Elements().Select(e => e.Name));
    }

    [Fact]
    public void QueryError_HasTypeCodeMessageAndRequestIdInOrder()
    {
        var xml = AwsXml.QueryError(new AwsError("NoSuchEntity", "The role with name Reader cannot be found.", 404), AwsXmlNamespaces.Iam, "req-3");

        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name Reader cannot be found.</Message></Error><RequestId>req-3</RequestId></ErrorResponse>",
            xml);
    }

    [Fact]
    public void QueryError_ServerFault_IsTypedReceiver()
    {
        var root = XDocument.Parse(AwsXml.QueryError(new AwsError("InternalFailure", "boom", 500), AwsXmlNamespaces.Sts, "r")).Root!;

        Assert.Equal("Receiver", (string?)root.Descendants().Single(e => e.Name.LocalName == "Type"));
    }

    [Fact]
    public void Errors_EscapeMarkupAndReplaceCharactersXmlForbids()
    {
        var xml = AwsXml.Ec2Error(new AwsError("X", "a<b>&c\u0001d", 400), "req-4");

        Assert.Contains("<Message>a&lt;b&gt;&amp;c\uFFFDd</Message>", xml, StringComparison.Ordinal);
        Assert.Equal("a<b>&c\uFFFDd", (string?)XDocument.Parse(xml).Descendants("Message").Single());
    }

    [Fact]
    public void S3Error_WritesDetailsBeforeResourceAndRequestId()
    {
        var error = new AwsError("AccessDenied", "Access Denied", 403) { Details = [KeyValuePair.Create("HeadersNotSigned", "x-amz-acl")] };

        var names = XDocument.Parse(AwsXml.S3Error(error, "/b/k", "req-5")).Root!.Elements().Select(e => e.Name.LocalName);

        Assert.Equal(["Code", "Message", "HeadersNotSigned", "Resource", "RequestId"], names);
    }
}
