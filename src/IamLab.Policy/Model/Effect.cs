namespace IamLab.Policy.Model;

/// <summary>Whether a statement allows or denies.</summary>
public enum Effect
{
    /// <summary>The statement grants what it names.</summary>
    Allow,
    /// <summary>The statement refuses what it names; an explicit deny always wins.</summary>
    Deny,
}
