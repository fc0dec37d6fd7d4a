namespace IamLab.Scenarios.Reports.Html;

/// <summary>One check's outcome in a <see cref="ClassRow"/>: its name, status (pass, fail, notRun, error, unearned) and message.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Status">Its status as the results format writes it.</param>
/// <param name="Message">What was expected and what happened (generic for a hidden check).</param>
public sealed record ClassCheck(string Name, string Status, string Message);
