using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Sts;

/// <summary>
/// The STS Query API (version 2011-06-15) over the world: AssumeRole, AssumeRoleWithSAML,
/// AssumeRoleWithWebIdentity (the two federated calls unsigned, as the SDK sends them) and GetCallerIdentity.
/// </summary>
public sealed class StsHandler : IAwsServiceHandler
{
    /// <summary>The API version STS speaks.</summary>
    public const string Version = "2011-06-15";

    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal)
    {
        "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "GetCallerIdentity",
    };

    private static readonly HashSet<string> UnsignedActions = new(StringComparer.Ordinal) { "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity" };

    /// <inheritdoc />
    public string SigningName => "sts";

    /// <inheritdoc />
    public AwsErrorFormat ErrorFormat { get; } = AwsErrorFormat.Query(AwsXmlNamespaces.Sts);

    /// <inheritdoc />
    public bool ClaimsAnonymous(AwsCall awsCall)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        var parsed = awsCall.ReadQuery(null, null);
        return parsed.IsSuccess && (parsed.Request.Version == Version || (parsed.Request.Version is null && UnsignedActions.Contains(parsed.Request.Action)));
    }

    /// <inheritdoc />
    public async Task HandleAsync(AwsCall awsCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        var parsed = awsCall.ReadQuery(Actions, Version);
        if (!parsed.IsSuccess)
        {
            await awsCall.WriteErrorAsync(parsed.Error).ConfigureAwait(false);
            return;
        }

        var request = parsed.Request;
        if (awsCall.Caller is null && !UnsignedActions.Contains(request.Action))
        {
            await awsCall.WriteErrorAsync(SigV4Errors.MissingAuthenticationToken()).ConfigureAwait(false);
            return;
        }

        var input = new QueryInput(request);
        var outcome = request.Action switch
        {
            "AssumeRole" => StsAssumeRole.Run(awsCall, input),
            "AssumeRoleWithSAML" => StsFederation.RunSaml(awsCall, input),
            "AssumeRoleWithWebIdentity" => StsFederation.RunWebIdentity(awsCall, input),
            _ => StsCallerIdentity.Run(awsCall),
        };
        await outcome.WriteAsync(awsCall).ConfigureAwait(false);
    }
}
