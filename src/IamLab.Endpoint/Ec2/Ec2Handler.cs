using IamLab.Endpoint.Hosting;

namespace IamLab.Endpoint.Ec2;

/// <summary>
/// EC2's Query API (Version 2016-11-15) for what instance profiles need: RunInstances with <c>IamInstanceProfile</c> and
/// <c>MetadataOptions</c>, AssociateIamInstanceProfile, DescribeIamInstanceProfileAssociations and
/// ModifyInstanceMetadataOptions. Each is authorized by the engine
/// (<c>ec2:…</c>, and <c>iam:PassRole</c> on the profile's role with <c>iam:PassedToService</c> = <c>ec2.amazonaws.com</c>,
/// as AWS requires), and errors use EC2's <c>&lt;Response&gt;&lt;Errors&gt;</c> document.
/// </summary>
public sealed class Ec2Handler : IAwsServiceHandler
{
    /// <summary>The API version the handler speaks.</summary>
    public const string Version = "2016-11-15";

    /// <summary>The most instances one RunInstances call may launch in the lab.</summary>
    public const int MaxInstancesPerCall = 20;

    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal)
    {
        "RunInstances", "AssociateIamInstanceProfile", "DescribeIamInstanceProfileAssociations", "ModifyInstanceMetadataOptions",
    };

    /// <summary>
    /// The response header of RunInstances that names each launched instance's own metadata listener:
    /// <c>i-0abc…=http://127.0.0.1:PORT/</c>, comma-separated (the lab's; AWS sends no such header).
    /// </summary>
    public const string MetadataEndpointHeader = "x-iamlab-metadata-endpoint";

    /// <inheritdoc />
    public string SigningName => "ec2";

    /// <inheritdoc />
    public AwsErrorFormat ErrorFormat => AwsErrorFormat.Ec2;

    /// <inheritdoc />
    /// <remarks>EC2 answers only signed requests.</remarks>
    public bool ClaimsAnonymous(AwsCall awsCall) => false;

    /// <inheritdoc />
    public async Task HandleAsync(AwsCall awsCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        var parsed = awsCall.ReadQuery(null, null);
        if (!parsed.IsSuccess)
        {
            await awsCall.WriteErrorAsync(parsed.Error);
            return;
        }

        var request = parsed.Request;
        if (!Actions.Contains(request.Action) || request.Version != Version)
        {
            await awsCall.WriteErrorAsync(Ec2Errors.InvalidAction(request.Action));
            return;
        }

        var result = request.Action switch
        {
            "RunInstances" => await Ec2InstanceOperations.RunInstancesAsync(awsCall, request),
            "AssociateIamInstanceProfile" => await Ec2InstanceOperations.AssociateAsync(awsCall, request),
            "ModifyInstanceMetadataOptions" => await Ec2MetadataOperations.ModifyAsync(awsCall, request),
            _ => Ec2InstanceOperations.DescribeAssociations(awsCall, request),
        };
        if (result.Error is not null)
        {
            await awsCall.WriteErrorAsync(result.Error);
        }
        else
        {
            await awsCall.WriteXmlAsync(result.Xml!);
        }
    }
}
