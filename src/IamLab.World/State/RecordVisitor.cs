namespace IamLab.World.State;

/// <summary>
/// Receives the records of a journal in the order they were written: the key as UTF-8 (a session's key need not become
/// a string of its own: the session holds it), and the value, empty for a delete.
/// </summary>
internal delegate void RecordVisitor(RecordKind kind, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, bool deleted);
