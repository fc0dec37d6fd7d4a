namespace IamLab.Scenarios.Model;

/// <summary>
/// One step of a check. <see cref="As"/> starts from a user's access key; exactly one action is set. A step
/// without <see cref="As"/> uses the credentials the previous step produced.
/// </summary>
public sealed record StepSpec
{
    /// <summary>The user (ARN) whose access key the step uses; or, for a single-request check, the principal.</summary>
    public string? As { get; init; }

    /// <summary>For a call of the incident: the name a findings check refers to it by.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// How far the world's clock moves forward just before this step (<c>after: 20m</c>); zero when the step does not say.
    /// </summary>
    public TimeSpan After { get; init; }

    /// <summary>An AssumeRole call.</summary>
    public AssumeRoleSpec? AssumeRole { get; init; }

    /// <summary>An AssumeRoleWithSAML call with an assertion from the lab IdP.</summary>
    public SamlStepSpec? AssumeRoleWithSaml { get; init; }

    /// <summary>An AssumeRoleWithWebIdentity call with a token from a lab issuer.</summary>
    public WebIdentityStepSpec? AssumeRoleWithWebIdentity { get; init; }

    /// <summary>An EC2 instance with a profile; the step's credentials are the instance's.</summary>
    public Ec2StepSpec? Ec2Instance { get; init; }

    /// <summary>A Lambda function; the step's credentials are its execution role's.</summary>
    public LambdaStepSpec? LambdaFunction { get; init; }

    /// <summary>An authorization request.</summary>
    public RequestSpec? Request { get; init; }

    /// <summary>True when this is a single-request check's step, whose principal is evaluated directly.</summary>
    public bool IsPlainRequest { get; init; }

    /// <summary>Where the step is written.</summary>
    public SourceSpot Spot { get; init; }

    /// <summary>The operation, in words.</summary>
    public string Describe() =>
        AssumeRole is not null ? "AssumeRole"
        : AssumeRoleWithSaml is not null ? "AssumeRoleWithSAML"
        : AssumeRoleWithWebIdentity is not null ? "AssumeRoleWithWebIdentity"
        : Ec2Instance is not null ? "EC2 instance credentials"
        : LambdaFunction is not null ? "Lambda invocation"
        : $"request {Request?.Action}";
}
