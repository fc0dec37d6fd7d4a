namespace IamLab.Scenarios.Export;

/// <summary>Something of the lab that a learner repository does not get, and why.</summary>
/// <param name="Path">The path in the lab (a folder ends with <c>/</c>).</param>
/// <param name="Reason">Why it is left out, in a few words.</param>
public sealed record LeftOutItem(string Path, string Reason);
