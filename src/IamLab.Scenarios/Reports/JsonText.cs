using System.Text;
using System.Text.Json;

namespace IamLab.Scenarios.Reports;

/// <summary>Builds a JSON document as text from what a writer callback writes.</summary>
internal static class JsonText
{
    /// <summary>The UTF-8 JSON that <paramref name="write"/> writes, as a string.</summary>
    public static string Write(bool indented, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
