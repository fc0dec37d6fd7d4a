namespace IamLab.Cli.Streaming;

/// <summary>What a line's outcome means for the exit status.</summary>
internal enum CaseState : byte
{
    Fine,
    Mismatch,
    Refused,
    Unreadable,
}
