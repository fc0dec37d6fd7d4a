using IamLab.Policy.Evaluation;
using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.World.Compute;

/// <summary>
/// EC2 instances with instance profiles (their credentials renewed before they expire, as IMDS does) and
/// Lambda functions that run a .NET delegate with their execution role's credentials in the environment.
/// </summary>
public sealed class ComputeService
{
    /// <summary>How long instance and function credentials last.</summary>
    public static readonly TimeSpan CredentialLifetime = TimeSpan.FromHours(6);

    /// <summary>How long before expiry instance credentials are renewed.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(15);

    private readonly LabWorld world;
    private readonly Dictionary<string, Func<LambdaInvocation, string>> handlers = new(StringComparer.Ordinal);

    internal ComputeService(LabWorld world) => this.world = world;

    /// <summary>The instances by id.</summary>
    public IReadOnlyDictionary<string, Ec2Instance> Instances => world.Data.Instances;

    /// <summary>RunInstances (one instance), optionally with an instance profile and metadata options (EC2's defaults otherwise).</summary>
    public IamResult<Ec2Instance> RunInstance(string accountId, string? instanceProfileName = null, InstanceMetadataOptions? metadataOptions = null)
    {
        var instance = new Ec2Instance { InstanceId = "i-" + world.Ids.Hex(17), AccountId = accountId, MetadataOptions = metadataOptions?.Clone() ?? new() };
        world.SyncCounter();
        if (instanceProfileName is not null)
        {
            var associated = Associate(instance, instanceProfileName);
            if (!associated.IsSuccess)
            {
                return associated.Forward<Ec2Instance>();
            }
        }

        world.Data.Instances[instance.InstanceId] = instance;
        return instance;
    }

    /// <summary>AssociateIamInstanceProfile: gives a running instance a profile later.</summary>
    public IamResult<Ec2Instance> AssociateIamInstanceProfile(string instanceId, string instanceProfileName)
    {
        if (!world.Data.Instances.TryGetValue(instanceId, out var instance))
        {
            return new IamError("InvalidInstanceID.NotFound", $"The instance ID '{instanceId}' does not exist", 400);
        }

        if (instance.InstanceProfileName is not null)
        {
            return new IamError("IncorrectState", $"There is an existing association for instance {instanceId}", 400);
        }

        var associated = Associate(instance, instanceProfileName);
        return associated.IsSuccess ? instance : associated.Forward<Ec2Instance>();
    }

    /// <summary>ModifyInstanceMetadataOptions: the parameters given (null = keep) replace the instance's options.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="httpTokens">optional or required, or null.</param>
    /// <param name="hopLimit">1 to 64 as text, or null.</param>
    /// <param name="httpEndpoint">enabled or disabled, or null.</param>
    /// <returns>The instance with its new options, or EC2's error.</returns>
    public IamResult<Ec2Instance> ModifyInstanceMetadataOptions(string instanceId, string? httpTokens, string? hopLimit, string? httpEndpoint)
    {
        if (!world.Data.Instances.TryGetValue(instanceId, out var instance))
        {
            return new IamError("InvalidInstanceID.NotFound", $"The instance ID '{instanceId}' does not exist", 400);
        }

        var options = InstanceMetadataOptions.With(instance.MetadataOptions, httpTokens, hopLimit, httpEndpoint);
        if (!options.IsSuccess)
        {
            return options.Forward<Ec2Instance>();
        }

        instance.MetadataOptions = options.Value;
        return instance;
    }

    /// <summary>The VPC the instance runs in: its account's default VPC in the world's region (the lab models one per account).</summary>
    public string VpcOf(Ec2Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return NetworkPlacement.DefaultVpcId(instance.AccountId, world.Region);
    }

    /// <summary>The instance's ARN, <c>arn:aws:ec2:REGION:ACCOUNT:instance/ID</c> (the value of <c>ec2:SourceInstanceARN</c>).</summary>
    public string InstanceArn(Ec2Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return $"arn:aws:ec2:{world.Region}:{instance.AccountId}:instance/{instance.InstanceId}";
    }

    /// <summary>
    /// The credentials IMDS serves the instance (<c>/latest/meta-data/iam/security-credentials/ROLE</c>),
    /// renewed when they are within <see cref="RenewBefore"/> of expiring.
    /// </summary>
    public IamResult<Credentials> InstanceCredentials(string instanceId)
    {
        if (!world.Data.Instances.TryGetValue(instanceId, out var instance) || instance.InstanceProfileName is null)
        {
            return new IamError("NotFound", $"Instance {instanceId} has no instance profile.", 404);
        }

        if (instance.SessionAccessKeyId is { } key && world.Data.Sessions.TryGetValue(key, out var current)
            && current.Expiration - world.Now > RenewBefore)
        {
            return current.Credentials;
        }

        var renewed = Associate(instance, instance.InstanceProfileName);
        return renewed.IsSuccess ? renewed.Value.Credentials : renewed.Forward<Credentials>();
    }

    /// <summary>
    /// CreateFunction: the execution role must trust <c>lambda.amazonaws.com</c> for this function (Lambda's request carries
    /// <c>aws:SourceAccount</c> and <c>aws:SourceArn</c>, see <see cref="SourceContext"/>). With <paramref name="creator"/>, the
    /// call is that caller's and is authorized as AWS does it: <c>lambda:CreateFunction</c> on the function's ARN and
    /// <c>iam:PassRole</c> on the role with <c>iam:PassedToService</c> = <c>lambda.amazonaws.com</c>; without it the world
    /// itself creates the function.
    /// </summary>
    public IamResult<LambdaFunction> CreateFunction(string accountId, string functionName, string roleArn, Func<LambdaInvocation, string> handler,
        Credentials? creator = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var functionArn = $"arn:aws:lambda:{world.Region}:{accountId}:function:{functionName}";
        if (creator is not null && AuthorizeCreator(creator, functionArn, roleArn) is { } refused)
        {
            return refused;
        }

        var role = world.FindRole(roleArn);
        var trust = role is null ? null : Authorization.PolicyStack.CheckPrincipal(world, "lambda.amazonaws.com", "sts:AssumeRole", role.Arn,
            SourceContext(accountId, functionArn), trace: false);
        if (trust is not { IsAllowed: true })
        {
            // The error carries the trust check that refused, so a front end can explain it without asking again.
            return new IamError("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.", 400) { Check = trust };
        }

        var function = new LambdaFunction
        {
            Name = functionName,
            AccountId = accountId,
            Arn = functionArn,
            RoleArn = roleArn,
        };
        world.Data.Functions[function.Arn] = function;
        handlers[function.Arn] = handler;
        return function;
    }

    /// <summary>Registers a function's handler again (after a load; handlers are code and are not saved).</summary>
    public void RegisterHandler(string functionArn, Func<LambdaInvocation, string> handler) => handlers[functionArn] = handler;

    /// <summary>Invoke: assumes the execution role as Lambda and runs the handler with the session's credentials in its environment.</summary>
    public IamResult<string> Invoke(string functionArn, string payload = "{}")
    {
        if (!world.Data.Functions.TryGetValue(functionArn, out var function) || !handlers.TryGetValue(functionArn, out var handler))
        {
            return new IamError("ResourceNotFoundException", $"Function not found: {functionArn}", 404);
        }

        var role = world.FindRole(function.RoleArn);
        if (role is null)
        {
            return new IamError("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.", 400);
        }

        var session = world.Sts.AssumeRoleAsService(role, "lambda.amazonaws.com", function.Name, (int)CredentialLifetime.TotalSeconds,
            SourceContext(function.AccountId, function.Arn));
        if (!session.IsSuccess)
        {
            return session.Forward<string>();
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = session.Value.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = session.Value.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = session.Value.SessionToken,
            ["AWS_REGION"] = world.Region,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.Name,
        };
        return handler(new LambdaInvocation(payload, environment, world));
    }

    /// <summary>
    /// The keys Lambda's AssumeRole for a function carries: the function's account and ARN. AWS recommends conditions on
    /// them in a service role's trust against the cross-service confused deputy (IAM User Guide, confused-deputy,
    /// "Cross-service confused deputy prevention"; Lambda Developer Guide, permissions-managed-policies: "When a service
    /// assumes a role in your account, you can include the aws:SourceAccount and aws:SourceArn global condition context
    /// keys in your role trust policy").
    /// </summary>
    private static RequestContext SourceContext(string accountId, string functionArn)
    {
        var context = new RequestContext();
        context.Set("aws:SourceAccount", [accountId]);
        context.Set("aws:SourceArn", [functionArn]);
        return context;
    }

    // Creating a function with a role passes the role to Lambda: the caller needs lambda:CreateFunction and iam:PassRole
    // (Lambda Developer Guide, lambda-intro-execution-role; IAM User Guide, id_roles_use_passrole). Lambda answers a refusal
    // with its own code, AccessDeniedException (403), and IAM's wording of who was refused what.
    private IamError? AuthorizeCreator(Credentials creator, string functionArn, string roleArn)
    {
        var create = world.Authorize(creator, "lambda:CreateFunction", functionArn, trace: false);
        if (!create.IsSuccess || !create.Value.IsAllowed)
        {
            return Refusal(create);
        }

        var passed = new RequestContext();
        passed.Set("iam:PassedToService", ["lambda.amazonaws.com"]);
        var pass = world.Authorize(creator, "iam:PassRole", roleArn, passed, trace: false);
        return pass.IsSuccess && pass.Value.IsAllowed ? null : Refusal(pass);
    }

    private static IamError Refusal(IamResult<Authorization.AccessCheck> check) => check.IsSuccess
        ? new IamError("AccessDeniedException", check.Value.DenialMessage!, 403) { Check = check.Value }
        : check.Error!;

    private IamResult<Session> Associate(Ec2Instance instance, string profileName)
    {
        var iam = world.Iam(instance.AccountId);
        var profile = iam.GetInstanceProfile(profileName);
        if (!profile.IsSuccess)
        {
            return profile.Forward<Session>();
        }

        if (profile.Value.RoleNames.Count == 0)
        {
            return new IamError("InvalidParameterValue", $"Instance profile {profileName} has no role.", 400);
        }

        var role = iam.GetRole(profile.Value.RoleNames[0]);
        if (!role.IsSuccess)
        {
            return role.Forward<Session>();
        }

        var session = world.Sts.AssumeRoleAsService(role.Value, "ec2.amazonaws.com", instance.InstanceId, (int)CredentialLifetime.TotalSeconds);
        if (session.IsSuccess)
        {
            instance.InstanceProfileName = profile.Value.Name;
            instance.SessionAccessKeyId = session.Value.AccessKeyId;
        }

        return session;
    }
}
