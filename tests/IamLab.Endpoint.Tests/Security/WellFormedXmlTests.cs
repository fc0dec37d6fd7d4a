using System.Xml.Linq;
using IamLab.Endpoint.Protocol;
using Xunit;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// Every response document is well-formed XML whatever the world holds: characters XML 1.0 forbids become U+FFFD
/// instead of making the writer throw in the middle of a listing (a 500 on every later ListRoles of the account).
/// </summary>
public sealed class WellFormedXmlTests
{
    [Fact]
    public void ResponseWithControlCharactersInTextAndAttributes_ParsesWithReplacementCharacters()
    {
        var xml = AwsXml.QueryResponse("ListRoles", AwsXmlNamespaces.Iam, "req-1", writer =>
        {
            writer.WriteElementString("Description", "before\u0001after");
            writer.WriteStartElement("Tag");
            writer.WriteAttributeString("key", "k\u001F");
            writer.WriteString("v\u0000");
            writer.WriteEndElement();
        });

        var document = XDocument.Parse(xml);
        var description = document.Descendants().Single(e => e.Name.LocalName == "Description");
        var tag = document.Descendants().Single(e => e.Name.LocalName == "Tag");

        Assert.Equal("before\uFFFDafter", description.Value);
        Assert.Equal("k\uFFFD", tag.Attribute("key")!.Value);
        Assert.Equal("v\uFFFD", tag.Value);
    }

    [Fact]
    public void TextWithAPairedSurrogate_IsKeptWhole()
    {
        var xml = AwsXml.QueryResponse("GetRole", AwsXmlNamespaces.Iam, "req-2", writer => writer.WriteElementString("Description", "rocket \U0001F680"));

        Assert.Equal("rocket \U0001F680", XDocument.Parse(xml).Descendants().Single(e => e.Name.LocalName == "Description").Value);
    }
}
