namespace IamLab.Policy.Evaluation;

/// <summary>The outcome of authorizing a request, named as AWS's policy simulator names it.</summary>
public enum Decision
{
    /// <summary>No policy allowed the request (the default for everything).</summary>
    ImplicitDeny,
    /// <summary>The policies that must allow did so and nothing denied.</summary>
    Allowed,
    /// <summary>A Deny statement matched; nothing can override it.</summary>
    ExplicitDeny,
}
