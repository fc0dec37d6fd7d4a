namespace IamLab.World.State;

/// <summary>Receives the records of a journal in the order they were written; <paramref name="value"/> is empty for a delete.</summary>
internal delegate void RecordVisitor(RecordKind kind, string key, ReadOnlySpan<byte> value, bool deleted);
