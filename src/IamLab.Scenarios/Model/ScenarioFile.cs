using IamLab.Policy.Validation;

namespace IamLab.Scenarios.Model;

/// <summary>A file the learner writes, and the document kind the validator reads it as.</summary>
public sealed record ScenarioFile(string Name, DocumentKind Kind, string KindName);
