using System.Xml;

namespace IamLab.World.Federation;

/// <summary>Loads untrusted XML: no DTDs, no external resolution, bounded size, comments dropped.</summary>
internal static class SafeXml
{
    /// <summary>The largest document, in characters, the lab accepts.</summary>
    public const long MaxCharacters = 1_000_000;

    public static XmlDocument Load(Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(stream, settings);
        document.Load(reader);
        return document;
    }

    public static XmlDocument Load(string text)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return Load(stream);
    }

    /// <summary>The element children of <paramref name="parent"/> with the given name.</summary>
    public static IEnumerable<XmlElement> Children(XmlNode parent, string localName, string ns) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == localName && e.NamespaceURI == ns);

    /// <summary>The first element child of <paramref name="parent"/> with the given name, or null.</summary>
    public static XmlElement? Child(XmlNode? parent, string localName, string ns) =>
        parent is null ? null : Children(parent, localName, ns).FirstOrDefault();
}
