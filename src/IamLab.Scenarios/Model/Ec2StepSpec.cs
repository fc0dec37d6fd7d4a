namespace IamLab.Scenarios.Model;

/// <summary>An EC2 instance launched with an instance profile.</summary>
public sealed record Ec2StepSpec(string Account, string InstanceProfile);
