using System.Text;
using System.Xml;

namespace IamLab.Endpoint.Protocol;

/// <summary>Makes arbitrary text safe for an XML text node: characters XML 1.0 forbids become U+FFFD.</summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
