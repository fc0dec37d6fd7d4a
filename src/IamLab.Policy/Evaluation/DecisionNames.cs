namespace IamLab.Policy.Evaluation;

/// <summary>The wire names of <see cref="Decision"/>: <c>allowed</c>, <c>explicitDeny</c>, <c>implicitDeny</c>.</summary>
public static class DecisionNames
{
    /// <summary>The simulator's name of a decision.</summary>
    public static string ToName(this Decision decision) => decision switch
    {
        Decision.Allowed => "allowed",
        Decision.ExplicitDeny => "explicitDeny",
        _ => "implicitDeny",
    };

    /// <summary>Parses a simulator name (exact case); false for anything else.</summary>
    public static bool TryParse(string? name, out Decision decision)
    {
        switch (name)
        {
            case "allowed": decision = Decision.Allowed; return true;
            case "explicitDeny": decision = Decision.ExplicitDeny; return true;
            case "implicitDeny": decision = Decision.ImplicitDeny; return true;
            default: decision = Decision.ImplicitDeny; return false;
        }
    }
}
