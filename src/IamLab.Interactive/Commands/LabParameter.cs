namespace IamLab.Interactive.Commands;

/// <summary>One parameter of a magic command: its name (with the dashes), what it means, and how it is written.</summary>
public sealed record LabParameter(string Name, string Description, bool Flag = false, bool Implicit = false, string? Value = null)
{
    /// <summary>How the parameter appears in the usage line: <c>--role ARN</c>, <c>--mfa</c>, <c>[--role] ARN</c>.</summary>
    public string Usage => Flag ? Name : Implicit ? $"[{Name}] {Value ?? "VALUE"}" : $"{Name} {Value ?? "VALUE"}";
}
