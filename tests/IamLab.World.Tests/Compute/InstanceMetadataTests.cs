using IamLab.Policy.Evaluation;
using IamLab.World.Compute;

namespace IamLab.World.Tests.Compute;

/// <summary>
/// Instance metadata options and what IMDS answers under them (EC2 User Guide, "How Instance Metadata Service Version 2
/// works", "Configure the instance metadata options"), and the keys instance credentials carry (IAM User Guide,
/// "AWS global condition context keys": ec2:SourceInstanceARN, aws:Ec2InstanceSourceVpc, aws:Ec2InstanceSourcePrivateIPv4).
/// </summary>
public class InstanceMetadataTests
{
    private const string OnlyFromOwnVpc = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
          {"Effect":"Deny","Action":"*","Resource":"*","Condition":{
            "StringNotEquals":{"aws:Ec2InstanceSourceVpc":"${aws:SourceVpc}"},"Null":{"ec2:SourceInstanceARN":"false"}}}]}
        """;

    [Theory]
    [InlineData("optional", MetadataToken.None, MetadataVerdict.Served)]
    [InlineData("optional", MetadataToken.Valid, MetadataVerdict.Served)]
    [InlineData("optional", MetadataToken.Invalid, MetadataVerdict.Unauthorized)]
    [InlineData("required", MetadataToken.None, MetadataVerdict.Unauthorized)]
    [InlineData("required", MetadataToken.Invalid, MetadataVerdict.Unauthorized)]
    [InlineData("required", MetadataToken.Valid, MetadataVerdict.Served)]
    public void A_Read_IsServedWithoutATokenOnlyWhenTokensAreOptional(string tokens, MetadataToken token, MetadataVerdict expected)
    {
        var options = InstanceMetadataOptions.With(null, tokens, null, null).Value;

        Assert.Equal(expected, MetadataAccess.Decide(options, new MetadataRequest(false, token)));
    }

    [Theory]
    [InlineData(1, 1, false, MetadataVerdict.Served)]
    [InlineData(1, 2, false, MetadataVerdict.HopLimitExceeded)]
    [InlineData(2, 2, false, MetadataVerdict.Served)]
    [InlineData(2, 3, false, MetadataVerdict.HopLimitExceeded)]
    [InlineData(64, 1, true, MetadataVerdict.Forbidden)]
    public void A_TokenRequest_ReachesOnlyAsFarAsTheHopLimit_AndNeverThroughAProxy(int hopLimit, int hops, bool forwarded, MetadataVerdict expected)
    {
        var options = InstanceMetadataOptions.With(null, "required", hopLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), null).Value;

        Assert.Equal(expected, MetadataAccess.Decide(options, new MetadataRequest(true, Hops: hops, Forwarded: forwarded)));
    }

    [Fact]
    public void A_DisabledEndpoint_AnswersNothing_EvenWithAValidToken()
    {
        var options = InstanceMetadataOptions.With(null, "optional", null, "disabled").Value;

        Assert.Equal(MetadataVerdict.EndpointDisabled, MetadataAccess.Decide(options, new MetadataRequest(false, MetadataToken.Valid)));
        Assert.Equal(MetadataVerdict.EndpointDisabled, MetadataAccess.Decide(options, new MetadataRequest(true)));
    }

    [Theory]
    [InlineData("Required", null, null, "HttpTokens")]
    [InlineData(null, "65", null, "HttpPutResponseHopLimit")]
    [InlineData(null, "-1", null, "HttpPutResponseHopLimit")]
    [InlineData(null, null, "on", "HttpEndpoint")]
    public void Options_Ec2Refuses_AreInvalidParameterValue_NamingTheParameter(string? tokens, string? hops, string? endpoint, string parameter)
    {
        var error = InstanceMetadataOptions.With(null, tokens, hops, endpoint).Error!;

        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.StartsWith($"Value ({tokens ?? hops ?? endpoint}) for parameter {parameter} is invalid.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modify_KeepsWhatIsNotGiven_AndAnUnknownInstanceIsNotFound()
    {
        var lab = new Article();
        var instance = lab.World.Compute.RunInstance(Article.Dev, null, InstanceMetadataOptions.With(null, "required", "3", null).Value).Value;

        var modified = lab.World.Compute.ModifyInstanceMetadataOptions(instance.InstanceId, null, "1", null).Value;
        var missing = lab.World.Compute.ModifyInstanceMetadataOptions("i-00000000000000000", "required", null, null).Error!;

        Assert.Equal("required", modified.MetadataOptions.HttpTokens);
        Assert.Equal(1, modified.MetadataOptions.HttpPutResponseHopLimit);
        Assert.Equal("InvalidInstanceID.NotFound", missing.Code);
    }

    [Fact]
    public void InstanceCredentials_CarryTheInstancesArnVpcAndAddress_AndAVpcDenyRefusesThemOutsideTheVpc()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("AppRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.PutRolePolicy("AppRole", "only-from-vpc", OnlyFromOwnVpc).Value;
        _ = lab.Dev1.CreateInstanceProfile("AppProfile").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("AppProfile", "AppRole").Value;
        var instance = lab.World.Compute.RunInstance(Article.Dev, "AppProfile").Value;
        var credentials = lab.World.Compute.InstanceCredentials(instance.InstanceId).Value;

        var inside = lab.World.Authorize(credentials, "s3:GetObject", "arn:aws:s3:::b/k",
            new RequestContext().Set("aws:SourceVpc", lab.World.Compute.VpcOf(instance))).Value;
        var outside = lab.World.Authorize(credentials, "s3:GetObject", "arn:aws:s3:::b/k",
            new RequestContext().Set("aws:SourceIp", "203.0.113.66")).Value;
        var otherVpc = lab.World.Authorize(credentials, "s3:GetObject", "arn:aws:s3:::b/k",
            new RequestContext().Set("aws:SourceVpc", "vpc-0attacker0000000")).Value;

        Assert.Equal([$"arn:aws:ec2:us-east-1:{Article.Dev}:instance/{instance.InstanceId}"], inside.Context.Lookup("ec2:SourceInstanceARN"));
        Assert.Equal([lab.World.Compute.VpcOf(instance)], inside.Context.Lookup("aws:Ec2InstanceSourceVpc"));
        Assert.Equal([instance.PrivateIpAddress], inside.Context.Lookup("aws:Ec2InstanceSourcePrivateIPv4"));
        Assert.Equal(Decision.Allowed, inside.Result.Decision);
        Assert.Equal(Decision.ExplicitDeny, outside.Result.Decision);
        Assert.Equal(Decision.ExplicitDeny, otherVpc.Result.Decision);
    }

    [Fact]
    public void A_UsersRequest_CarriesNoInstanceKeys()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateUser("metadata-reader").Value;
        var key = lab.Dev1.CreateAccessKey("metadata-reader").Value;

        var check = lab.World.Authorize(key, "s3:GetObject", "arn:aws:s3:::b/k").Value;

        Assert.Null(check.Context.Lookup("ec2:SourceInstanceARN"));
        Assert.Null(check.Context.Lookup("aws:Ec2InstanceSourceVpc"));
    }

    [Fact]
    public void EveryInstance_IsInItsAccountsDefaultVpc_In172_31()
    {
        var lab = new Article();
        var first = lab.World.Compute.RunInstance(Article.Dev).Value;
        var second = lab.World.Compute.RunInstance(Article.Dev).Value;

        Assert.Equal(lab.World.Compute.VpcOf(first), lab.World.Compute.VpcOf(second));
        Assert.Matches("^vpc-[0-9a-f]{17}$", lab.World.Compute.VpcOf(first));
        Assert.Matches(@"^172\.31\.\d{1,3}\.\d{1,3}$", first.PrivateIpAddress);
        Assert.Equal("optional", first.MetadataOptions.HttpTokens);
        Assert.Equal(1, first.MetadataOptions.HttpPutResponseHopLimit);
    }
}
