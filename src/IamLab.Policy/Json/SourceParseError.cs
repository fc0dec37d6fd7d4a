namespace IamLab.Policy.Json;

/// <summary>Why a text is not JSON, and where.</summary>
public sealed record SourceParseError(string Message, SourcePosition Position);
