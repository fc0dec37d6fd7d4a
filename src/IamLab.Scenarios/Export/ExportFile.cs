namespace IamLab.Scenarios.Export;

/// <summary>One file of a learner repository: its path inside the export (with <c>/</c>) and its bytes.</summary>
/// <param name="Path">The path inside the export, with forward slashes.</param>
/// <param name="Content">The bytes to write.</param>
/// <param name="Executable">True for a script the workflow runs (written with mode 0755 where the system has modes).</param>
public sealed record ExportFile(string Path, ReadOnlyMemory<byte> Content, bool Executable = false);
