using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Ec2;

/// <summary>RunInstances with an instance profile, AssociateIamInstanceProfile and DescribeIamInstanceProfileAssociations with the real EC2 client.</summary>
public sealed class Ec2InstanceProfileTests
{
    [Fact]
    public async Task RunInstances_WithTheProfileByName_LaunchesAnInstanceAssociatedWithIt()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));

        var instance = await ec2.LaunchAsync();
        var associations = await ec2.DescribeIamInstanceProfileAssociationsAsync(new DescribeIamInstanceProfileAssociationsRequest());

        Assert.StartsWith("i-", instance.InstanceId, StringComparison.Ordinal);
        Assert.Equal(Ec2World.ProfileArn, instance.IamInstanceProfile.Arn);
        Assert.Equal("pending", instance.State.Name.Value);
        var association = Assert.Single(associations.IamInstanceProfileAssociations);
        Assert.Equal(instance.InstanceId, association.InstanceId);
        Assert.Equal(Ec2World.ProfileArn, association.IamInstanceProfile.Arn);
        Assert.Equal(IamInstanceProfileAssociationState.Associated, association.State);
        Assert.StartsWith("iip-assoc-", association.AssociationId, StringComparison.Ordinal);
        Assert.Equal(Ec2World.Profile, server.World.Compute.Instances[instance.InstanceId].InstanceProfileName);
    }

    [Fact]
    public async Task RunInstances_WithTheProfileByArn_Works()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2AsRoot(IamLab.Endpoint.Tests.S3.S3World.Owner);

        var instance = await ec2.LaunchAsync(profileName: null, profileArn: Ec2World.ProfileArn);

        Assert.Equal(Ec2World.ProfileArn, instance.IamInstanceProfile.Arn);
    }

    [Theory]
    [InlineData("arn:aws:iam::999999999999:instance-profile/AppServerProfile")] // another account's
    [InlineData("arn:aws:iam::111111111111:role/AppServerRole")] // a role, not a profile
    [InlineData("arn:aws:iam::111111111111:instance-profile/")] // no name
    [InlineData("arn:aws:s3:::instance-profile/AppServerProfile")] // not IAM
    [InlineData("instance-profile/AppServerProfile")] // not an ARN
    public async Task RunInstances_WithAProfileArnThatNamesNoProfileOfTheCaller_IsInvalidParameterValue(string arn)
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2AsRoot(IamLab.Endpoint.Tests.S3.S3World.Owner);

        var error = await Assert.ThrowsAnyAsync<AmazonEC2Exception>(() => ec2.LaunchAsync(profileName: null, profileArn: arn));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Equal($"Value ({arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN", error.Message);
        Assert.Empty(server.World.Compute.Instances);
    }

    [Fact]
    public async Task RunInstances_WithoutIamPassRole_IsUnauthorizedOperationNamingPassRole()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.NoPass(server.World));

        var error = await Assert.ThrowsAnyAsync<AmazonEC2Exception>(() => ec2.LaunchAsync());

        Assert.Equal("UnauthorizedOperation", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111111111111:role/AppServerRole", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.World.Compute.Instances);
    }

    [Fact]
    public async Task RunInstances_WithoutAProfile_NeedsNoPassRole()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.NoPass(server.World));

        var instance = await ec2.LaunchAsync(profileName: null);

        Assert.Null(instance.IamInstanceProfile);
        Assert.Null(server.World.Compute.Instances[instance.InstanceId].InstanceProfileName);
    }

    [Fact]
    public async Task RunInstances_WithAnUnknownProfile_IsInvalidParameterValue()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));

        var error = await Assert.ThrowsAnyAsync<AmazonEC2Exception>(() => ec2.LaunchAsync("NoSuchProfile"));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Equal("Value (NoSuchProfile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name", error.Message);
    }

    [Fact]
    public async Task AssociateIamInstanceProfile_GivesARunningInstanceItsProfile_AndASecondAssociationIsRefused()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));
        var instance = await ec2.LaunchAsync(profileName: null);
        var request = new AssociateIamInstanceProfileRequest
        {
            InstanceId = instance.InstanceId,
            IamInstanceProfile = new IamInstanceProfileSpecification { Name = Ec2World.Profile },
        };

        var associated = await ec2.AssociateIamInstanceProfileAsync(request);
        var again = await Assert.ThrowsAnyAsync<AmazonEC2Exception>(() => ec2.AssociateIamInstanceProfileAsync(request));
        var listed = await ec2.DescribeIamInstanceProfileAssociationsAsync(new DescribeIamInstanceProfileAssociationsRequest
        {
            Filters = [new Filter("instance-id", [instance.InstanceId])],
        });

        Assert.Equal(IamInstanceProfileAssociationState.Associating, associated.IamInstanceProfileAssociation.State);
        Assert.Equal(instance.InstanceId, associated.IamInstanceProfileAssociation.InstanceId);
        Assert.Equal("IncorrectState", again.ErrorCode);
        Assert.Equal(associated.IamInstanceProfileAssociation.AssociationId, Assert.Single(listed.IamInstanceProfileAssociations).AssociationId);
    }

    [Fact]
    public async Task AssociateIamInstanceProfile_ForAnotherAccountsInstance_IsInstanceNotFound()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var owner = server.Ec2(Ec2World.Launcher(server.World));
        var instance = await owner.LaunchAsync(profileName: null);
        using var partner = server.Ec2AsRoot(IamLab.Endpoint.Tests.S3.S3World.Partner);

        var error = await Assert.ThrowsAnyAsync<AmazonEC2Exception>(() => partner.AssociateIamInstanceProfileAsync(new AssociateIamInstanceProfileRequest
        {
            InstanceId = instance.InstanceId,
            IamInstanceProfile = new IamInstanceProfileSpecification { Name = Ec2World.Profile },
        }));

        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
        Assert.Equal($"The instance ID '{instance.InstanceId}' does not exist", error.Message);
    }
}
