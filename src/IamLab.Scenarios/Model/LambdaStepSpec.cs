namespace IamLab.Scenarios.Model;

/// <summary>A Lambda function created with an execution role and invoked.</summary>
public sealed record LambdaStepSpec(string Account, string Name, string RoleArn);
