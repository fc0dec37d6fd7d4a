namespace IamLab.Scenarios.Model;

/// <summary>
/// Where a policy document comes from: a file of the submission, a document written in the scenario (kept as JSON
/// text), or a managed policy to attach. Exactly one of the three is set.
/// </summary>
public sealed record PolicySource(string? File, string? Json, string? Managed, string? Name = null)
{
    /// <summary>A short description for messages.</summary>
    public override string ToString() => File ?? Managed ?? Name ?? "inline document";
}
