namespace IamLab.Policy.Matching;

/// <summary>Where policy variables find their values: the request's context keys.</summary>
public interface IContextValues
{
    /// <summary>The values of a context key (keys are case-insensitive), or null when the request lacks it.</summary>
    IReadOnlyList<string>? Lookup(string key);
}
