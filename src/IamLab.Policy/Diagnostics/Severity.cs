namespace IamLab.Policy.Diagnostics;

/// <summary>How serious a finding is, named as IAM Access Analyzer's policy validation names it.</summary>
public enum Severity
{
    /// <summary>AWS would refuse the policy, or the engine cannot evaluate the element.</summary>
    Error,
    /// <summary>The policy works but grants more than is safe.</summary>
    SecurityWarning,
    /// <summary>The policy works but probably not as meant.</summary>
    Warning,
    /// <summary>The policy could be simpler or clearer.</summary>
    Suggestion,
}
