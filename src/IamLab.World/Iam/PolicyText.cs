using System.Text.Json.Serialization;
using IamLab.Policy.Model;
using IamLab.Policy.Reading;

namespace IamLab.World.Iam;

/// <summary>A policy as the learner wrote it (kept verbatim, as AWS keeps it) and its parsed document.</summary>
[JsonConverter(typeof(PolicyTextConverter))]
public sealed class PolicyText
{
    private PolicyDocument? document;

    /// <summary>Wraps a policy's JSON text.</summary>
    public PolicyText(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Json = json;
    }

    /// <summary>The JSON text.</summary>
    public string Json { get; }

    /// <summary>The parsed document (read once). Stored policies were validated, so it is never null for them.</summary>
    public PolicyDocument Document => document ??= PolicyReader.Read(Json).Policy ?? new PolicyDocument(null, null, []);

    /// <inheritdoc />
    public override string ToString() => Json;
}
