namespace IamLab.Scenarios.Model;

/// <summary>An authorization request: action, resource and condition keys.</summary>
public sealed record RequestSpec(string Action, string Resource, IReadOnlyDictionary<string, string[]> Context)
{
    /// <summary>
    /// True when the request is made from the previous step's EC2 instance, through a VPC endpoint: it then carries
    /// <c>aws:SourceVpc</c> and <c>aws:VpcSourceIp</c> of that instance (a request from anywhere else has neither).
    /// </summary>
    public bool FromInstance { get; init; }
}
