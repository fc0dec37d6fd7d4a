namespace IamLab.Policy.Json;

/// <summary>One member of a JSON object, with the position of its name.</summary>
public sealed record SourceProperty(string Name, SourcePosition NamePosition, SourceNode Value);
