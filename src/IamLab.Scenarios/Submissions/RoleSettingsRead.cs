using IamLab.Policy.Diagnostics;

namespace IamLab.Scenarios.Submissions;

/// <summary>A role-settings file read: its UpdateRole requests in the order written, and every problem found (each an ERROR).</summary>
public sealed record RoleSettingsRead(IReadOnlyList<RoleSettingsEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the file cannot be applied.</summary>
    public bool HasErrors => Diagnostics.Count > 0;
}
