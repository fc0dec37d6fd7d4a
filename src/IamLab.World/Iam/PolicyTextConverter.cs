using System.Text.Json;
using System.Text.Json.Serialization;

namespace IamLab.World.Iam;

/// <summary>Saves a <see cref="PolicyText"/> as its JSON text, a string, so the text survives byte for byte.</summary>
internal sealed class PolicyTextConverter : JsonConverter<PolicyText>
{
    public override PolicyText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A policy must be a string."));

    public override void Write(Utf8JsonWriter writer, PolicyText value, JsonSerializerOptions options) => writer.WriteStringValue(value.Json);
}
