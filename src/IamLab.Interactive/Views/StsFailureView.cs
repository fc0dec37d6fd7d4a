namespace IamLab.Interactive.Views;

/// <summary>An STS call AWS would refuse: the operation, AWS's error code and message, and the engine's decision when it was a deny.</summary>
public sealed record StsFailureView(string Operation, string Code, string Message, DecisionView? Decision);
