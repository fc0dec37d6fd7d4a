using System.Xml;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// An <see cref="XmlWriter"/> that passes everything to another writer, with every text and attribute value made safe
/// by <see cref="XmlText.Clean"/> first.
/// </summary>
/// <remarks>
/// INVARIANT: every document the endpoint writes is well-formed, whatever the world holds. A control character that
/// reached the world (a saved world, an API that validated too little) used to make the writer throw in the middle of
/// ListRoles, so that account's listings failed with 500 from then on.
/// </remarks>
internal sealed class CleanXmlWriter(XmlWriter inner) : XmlWriter
{
    public override WriteState WriteState => inner.WriteState;

    public override void WriteString(string? text) => inner.WriteString(text is null ? null : XmlText.Clean(text));

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteCData(string? text) => inner.WriteString(text is null ? null : XmlText.Clean(text));

    public override void WriteComment(string? text) => inner.WriteComment(text is null ? null : XmlText.Clean(text).Replace("--", "- -", StringComparison.Ordinal));

    public override void WriteRaw(string data) => WriteString(data);

    public override void WriteRaw(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteCharEntity(char ch) => WriteString(ch.ToString());

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);

    public override void WriteStartDocument() => inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

    public override void WriteEndDocument() => inner.WriteEndDocument();

    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);

    public override void WriteEndElement() => inner.WriteEndElement();

    public override void WriteFullEndElement() => inner.WriteFullEndElement();

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

    public override void WriteEndAttribute() => inner.WriteEndAttribute();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
