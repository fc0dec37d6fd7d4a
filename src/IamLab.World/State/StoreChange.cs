namespace IamLab.World.State;

/// <summary>One change to the world store: a record put (with its encoded value) or deleted (<see cref="Value"/> null).</summary>
internal readonly record struct StoreChange(RecordKind Kind, string Key, byte[]? Value);
