using Amazon.EC2;
using Amazon.EC2.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Ec2;

/// <summary>
/// RunInstances' MetadataOptions and ModifyInstanceMetadataOptions with the AWS SDK for .NET: EC2's parameter names and
/// defaults, its InvalidParameterValue, and the condition keys (ec2:MetadataHttpTokens, ec2:MetadataHttpPutResponseHopLimit)
/// a policy uses to require IMDSv2 (EC2 API reference, ModifyInstanceMetadataOptions and InstanceMetadataOptionsRequest;
/// EC2 User Guide, "Configure the instance metadata options").
/// </summary>
public sealed class Ec2MetadataOptionsTests
{
    [Fact]
    public async Task RunInstances_WithoutMetadataOptions_GetsEc2sDefaults_AndWithThem_KeepsThem()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));

        var plain = await ec2.LaunchAsync();
        var strict = (await ec2.RunInstancesAsync(Launch(HttpTokensState.Required, 2))).Reservation.Instances.Single();

        Assert.Equal(HttpTokensState.Optional, plain.MetadataOptions.HttpTokens);
        Assert.Equal(1, plain.MetadataOptions.HttpPutResponseHopLimit);
        Assert.Equal(InstanceMetadataEndpointState.Enabled, plain.MetadataOptions.HttpEndpoint);
        Assert.Equal(HttpTokensState.Required, strict.MetadataOptions.HttpTokens);
        Assert.Equal(2, strict.MetadataOptions.HttpPutResponseHopLimit);
        Assert.Equal("required", server.World.Compute.Instances[strict.InstanceId].MetadataOptions.HttpTokens);
        Assert.StartsWith("vpc-", strict.VpcId, StringComparison.Ordinal);
        Assert.StartsWith("172.31.", strict.PrivateIpAddress, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sometimes", null, "HttpTokens")]
    [InlineData(null, 0, "HttpPutResponseHopLimit")]
    [InlineData(null, 65, "HttpPutResponseHopLimit")]
    public async Task ModifyInstanceMetadataOptions_WithAValueEc2Refuses_IsInvalidParameterValue_AndChangesNothing(string? tokens, int? hops, string parameter)
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));
        var instance = await ec2.LaunchAsync();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest
        {
            InstanceId = instance.InstanceId, HttpTokens = tokens is null ? null : new HttpTokensState(tokens), HttpPutResponseHopLimit = hops,
        }));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Contains($"for parameter {parameter} is invalid", error.Message, StringComparison.Ordinal);
        Assert.Equal("optional", server.World.Compute.Instances[instance.InstanceId].MetadataOptions.HttpTokens);
        Assert.Equal(1, server.World.Compute.Instances[instance.InstanceId].MetadataOptions.HttpPutResponseHopLimit);
    }

    [Fact]
    public async Task ModifyInstanceMetadataOptions_OnAnotherAccountsInstance_IsNotFound()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.Launcher(server.World));
        var instance = await ec2.LaunchAsync();
        using var other = server.Ec2AsRoot("222222222222");

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => other.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest
        {
            InstanceId = instance.InstanceId, HttpTokens = HttpTokensState.Optional,
        }));

        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
    }

    [Fact]
    public async Task APolicyRequiringImdsV2_RefusesAnOptionalLaunchAndALooseningModify_AndAllowsARequiredLaunch()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        using var ec2 = server.Ec2(Ec2World.ImdsV2Only(server.World));

        var optional = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.RunInstancesAsync(Launch(HttpTokensState.Optional, 1)));
        var twoHops = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.RunInstancesAsync(Launch(HttpTokensState.Required, 2)));
        var required = (await ec2.RunInstancesAsync(Launch(HttpTokensState.Required, 1))).Reservation.Instances.Single();
        var loosen = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.ModifyInstanceMetadataOptionsAsync(new ModifyInstanceMetadataOptionsRequest
        {
            InstanceId = required.InstanceId, HttpTokens = HttpTokensState.Optional,
        }));

        Assert.Equal("UnauthorizedOperation", optional.ErrorCode);
        Assert.Contains("ec2:RunInstances", optional.Message, StringComparison.Ordinal);
        Assert.Equal("UnauthorizedOperation", twoHops.ErrorCode);
        Assert.Equal(HttpTokensState.Required, required.MetadataOptions.HttpTokens);
        Assert.Equal("UnauthorizedOperation", loosen.ErrorCode);
        Assert.Contains("ec2:ModifyInstanceMetadataOptions", loosen.Message, StringComparison.Ordinal);
        Assert.Equal("required", server.World.Compute.Instances[required.InstanceId].MetadataOptions.HttpTokens);
    }

    private static RunInstancesRequest Launch(HttpTokensState tokens, int hops) => new()
    {
        ImageId = "ami-0123456789abcdef0",
        InstanceType = InstanceType.T3Micro,
        MinCount = 1,
        MaxCount = 1,
        IamInstanceProfile = new IamInstanceProfileSpecification { Name = Ec2World.Profile },
        MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = tokens, HttpPutResponseHopLimit = hops },
    };
}
