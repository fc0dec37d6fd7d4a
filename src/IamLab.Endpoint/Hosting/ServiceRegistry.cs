using Microsoft.AspNetCore.Routing;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// The one list of what the endpoint serves: the signed AWS services (by SigV4 signing name) and the unsigned
/// route groups (instance metadata, the lab's identity providers). Each service adds its own line here.
/// </summary>
public static class ServiceRegistry
{
    /// <summary>The service handlers, in the order they are asked to claim anonymous requests.</summary>
    /// <param name="state">The endpoint's state.</param>
    /// <returns>The handlers; signing names are unique.</returns>
    public static IReadOnlyList<IAwsServiceHandler> Handlers(EndpointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return
        [
            new Sts.StsHandler(),
            new Iam.IamHandler(),
            new S3.S3Handler(),
            new Ec2.Ec2Handler(),
            new CloudTrail.CloudTrailHandler(),
        ];
    }

    /// <summary>Maps the unauthenticated routes; they take precedence over the AWS dispatcher.</summary>
    /// <param name="routes">The application's route builder.</param>
    /// <param name="state">The endpoint's state.</param>
    /// <param name="switches">Which of the lab's open doors are open; loopback's (all) when null.</param>
    public static void MapUnsignedRoutes(IEndpointRouteBuilder routes, EndpointState state, EndpointSwitches? switches = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(state);
        switches ??= EndpointSwitches.Loopback;
        Imds.ImdsRoutes.Map(routes, state, switches.AnonymousImds);
        Federation.LabIdentityProviderRoutes.Map(routes, state, switches.LabTokens);
    }
}
