namespace IamLab.Scenarios.Model;

/// <summary>A place in a YAML or JSON file: the path, and a one-based line and column (0 when unknown).</summary>
public readonly record struct SourceSpot(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
