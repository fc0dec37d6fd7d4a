using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Attacks;

/// <summary>A learner's attack, read and checked: the foothold it starts from and its chain of calls.</summary>
public sealed record AttackFile(string From, IReadOnlyList<StepSpec> Steps);
