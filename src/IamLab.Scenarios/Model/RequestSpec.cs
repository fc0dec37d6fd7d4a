namespace IamLab.Scenarios.Model;

/// <summary>An authorization request: action, resource and condition keys.</summary>
public sealed record RequestSpec(string Action, string Resource, IReadOnlyDictionary<string, string[]> Context);
