using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using IamLab.Endpoint.Tests.Hosting;

namespace IamLab.Endpoint.Tests.Ec2;

/// <summary>Real EC2 clients pointed at a <see cref="LabServer"/>.</summary>
internal static class Ec2Clients
{
    public static AmazonEC2Client Ec2(this LabServer server, IamLab.World.Sts.Credentials credentials) =>
        server.Ec2(new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey));

    public static AmazonEC2Client Ec2(this LabServer server, AWSCredentials credentials) =>
        new(credentials, new AmazonEC2Config { ServiceURL = server.Url, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public static AmazonEC2Client Ec2AsRoot(this LabServer server, string accountId) => server.Ec2(new BasicAWSCredentials(accountId, "test"));

    /// <summary>Launches one instance with the profile (by name, or by ARN) and returns it.</summary>
    public static async Task<Instance> LaunchAsync(this AmazonEC2Client ec2, string? profileName = Ec2World.Profile, string? profileArn = null)
    {
        var response = await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0123456789abcdef0",
            InstanceType = InstanceType.T3Micro,
            MinCount = 1,
            MaxCount = 1,
            IamInstanceProfile = profileName is null && profileArn is null ? null : new IamInstanceProfileSpecification { Name = profileName, Arn = profileArn },
        });
        return response.Reservation.Instances.Single();
    }
}
