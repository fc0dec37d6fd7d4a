namespace IamLab.Scenarios.Model;

/// <summary>
/// A defender's check: the field <see cref="Field"/> of the learner's findings file must name what the event log
/// recorded for the incident's call <see cref="Call"/>.
/// </summary>
public sealed record FindingsCheckSpec(string File, string Field, string Call);
