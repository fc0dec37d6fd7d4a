using System.Text.Json;
using System.Text.Json.Serialization;
using IamLab.World.Sts;

namespace IamLab.World.State;

/// <summary>Writes a <see cref="SessionTable"/> as the JSON object the former sorted dictionary gave (keys in ordinal order) and reads it back.</summary>
internal sealed class SessionTableConverter : JsonConverter<SessionTable>
{
    public override SessionTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Sessions must be a JSON object keyed by access key id.");
        }

        var table = new SessionTable();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString() ?? throw new JsonException("A session key is null.");
            reader.Read();
            var session = JsonSerializer.Deserialize<Session>(ref reader, options) ?? throw new JsonException($"The session {key} is null.");
            table.Set(key, session);
        }

        return table;
    }

    public override void Write(Utf8JsonWriter writer, SessionTable value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, session) in value)
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, session, options);
        }

        writer.WriteEndObject();
    }
}
