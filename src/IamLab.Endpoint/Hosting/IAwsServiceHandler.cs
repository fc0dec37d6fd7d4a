namespace IamLab.Endpoint.Hosting;

/// <summary>One AWS service answered by the endpoint, chosen by the SigV4 signing name of the request's credential scope.</summary>
public interface IAwsServiceHandler
{
    /// <summary>The SigV4 signing name this handler answers: <c>sts</c>, <c>iam</c>, <c>s3</c>, <c>ec2</c>.</summary>
    string SigningName { get; }

    /// <summary>
    /// How the host words the errors it answers before the handler runs (bad signature, unknown key, body too large)
    /// and how <see cref="AwsCall.WriteErrorAsync"/> writes them.
    /// </summary>
    AwsErrorFormat ErrorFormat { get; }

    /// <summary>
    /// For a request that carries no signature, whether it is for this service. The host asks each handler in
    /// registration order and gives the request to the first that claims it; unclaimed anonymous requests get
    /// <c>MissingAuthenticationToken</c>.
    /// </summary>
    /// <param name="awsCall">The anonymous request (<see cref="AwsCall.Caller"/> is null; the body is read).</param>
    /// <returns>True to take the request.</returns>
    bool ClaimsAnonymous(AwsCall awsCall);

    /// <summary>
    /// Handles one request whose signature has been verified (or an anonymous request this handler claimed),
    /// writing the whole response (status, headers, body) to <c>awsCall.Http.Response</c>.
    /// </summary>
    /// <param name="awsCall">The request.</param>
    /// <param name="cancellationToken">Aborted when the client goes away or the server stops.</param>
    /// <returns>A task that completes when the response is written.</returns>
    Task HandleAsync(AwsCall awsCall, CancellationToken cancellationToken);
}
