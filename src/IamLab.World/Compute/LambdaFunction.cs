using System.Text.Json.Serialization;

namespace IamLab.World.Compute;

/// <summary>A Lambda function: its execution role. The handler is code and is registered again after a load.</summary>
public sealed class LambdaFunction
{
    [JsonConstructor]
    internal LambdaFunction()
    {
    }

    /// <summary>The function name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The owning account.</summary>
    [JsonInclude] public string AccountId { get; internal set; } = string.Empty;

    /// <summary>The ARN, <c>arn:aws:lambda:REGION:ACCOUNT:function:NAME</c>.</summary>
    [JsonInclude] public string Arn { get; internal set; } = string.Empty;

    /// <summary>The execution role's ARN.</summary>
    [JsonInclude] public string RoleArn { get; internal set; } = string.Empty;
}
