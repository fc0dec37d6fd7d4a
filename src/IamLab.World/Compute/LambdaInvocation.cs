using IamLab.World.Sts;

namespace IamLab.World.Compute;

/// <summary>What a Lambda handler receives: the event payload and the environment, with the execution role's credentials.</summary>
public sealed record LambdaInvocation(string Payload, IReadOnlyDictionary<string, string> Environment, LabWorld World)
{
    /// <summary>The credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, as an SDK would read them.</summary>
    public Credentials Credentials => new(Environment["AWS_ACCESS_KEY_ID"], Environment["AWS_SECRET_ACCESS_KEY"], Environment["AWS_SESSION_TOKEN"]);
}
