using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Ec2;

/// <summary>An EC2 action's outcome: the response document or the error.</summary>
/// <param name="Xml">The response document on success.</param>
/// <param name="Error">The error on failure.</param>
public sealed record Ec2Result(string? Xml, AwsError? Error)
{
    /// <summary>A success.</summary>
    /// <param name="xml">The response document.</param>
    /// <returns>The result.</returns>
    public static Ec2Result Ok(string xml) => new(xml, null);

    /// <summary>A failure.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    public static Ec2Result Fail(AwsError error) => new(null, error);
}
