using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>Where the endpoint listens and the URL it reports.</summary>
public sealed class BindingTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task ReportedUrl_IsALoopbackUrlThatAnswers(string host)
    {
        await using var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions { Host = host, Port = 0 });
        using var sts = new Amazon.SecurityToken.AmazonSecurityTokenServiceClient(
            new Amazon.Runtime.BasicAWSCredentials("121212121212", "test"),
            new Amazon.SecurityToken.AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("127.0.0.1", endpoint.Url.Host);
        Assert.NotEqual(0, endpoint.Url.Port);
        Assert.Equal("arn:aws:iam::121212121212:root", identity.Arn);
        Assert.Equal(endpoint.Url, endpoint.BoundUrl);
    }

    [Fact]
    public async Task HostThatIsNotAnAddress_IsRefusedWithTheReason()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LabEndpoint.StartAsync(new LabEndpointOptions { Host = "example.com", Port = 0 }));

        Assert.StartsWith("The host must be an IP address (e.g. 127.0.0.1 or 0.0.0.0) or localhost; got 'example.com'.", error.Message, StringComparison.Ordinal);
    }
}
