using IamLab.Client;
using Xunit;

namespace IamLab.Endpoint.Tests.Client;

/// <summary>The documented precedence: --endpoint, then IAMLAB_ENDPOINT, then AWS_ENDPOINT_URL, then the lab's default.</summary>
public sealed class EndpointSelectionTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Explicit_WinsOverBothVariables()
    {
        var result = EndpointSelection.Resolve("http://explicit:1", Env(("IAMLAB_ENDPOINT", "http://lab:2"), ("AWS_ENDPOINT_URL", "http://aws:3")));

        Assert.Equal(new Uri("http://explicit:1"), result.Selection!.Url);
        Assert.Equal(EndpointSource.Explicit, result.Selection.Source);
    }

    [Fact]
    public void IamLabEndpoint_WinsOverAwsEndpointUrl()
    {
        var result = EndpointSelection.Resolve(null, Env(("IAMLAB_ENDPOINT", "http://localstack:4566"), ("AWS_ENDPOINT_URL", "http://aws:3")));

        Assert.Equal(new Uri("http://localstack:4566"), result.Selection!.Url);
        Assert.Equal(EndpointSource.IamLabEndpoint, result.Selection.Source);
    }

    [Fact]
    public void AwsEndpointUrl_IsUsedWhenTheLabsVariableIsNotSet()
    {
        var result = EndpointSelection.Resolve(null, Env(("AWS_ENDPOINT_URL", "https://aws.example:443")));

        Assert.Equal(EndpointSource.AwsEndpointUrl, result.Selection!.Source);
        Assert.Equal("https://aws.example", result.Selection.ServiceUrl);
    }

    [Fact]
    public void NothingSet_IsTheLabEndpointOnPort4566()
    {
        var result = EndpointSelection.Resolve(" ", Env(("IAMLAB_ENDPOINT", "")));

        Assert.Equal(EndpointSource.Default, result.Selection!.Source);
        Assert.Equal("http://127.0.0.1:4566", result.Selection.ServiceUrl);
    }

    [Theory]
    [InlineData("localhost:4566")]
    [InlineData("ftp://localhost:4566")]
    [InlineData("http://localhost:4566/?x=1")]
    public void AnInvalidValue_IsInvalidEndpointQuotingTheValueAndItsSource(string value)
    {
        var result = EndpointSelection.Resolve(null, Env(("IAMLAB_ENDPOINT", value)));

        Assert.False(result.IsSuccess);
        Assert.Equal("InvalidEndpoint", result.Error!.Code);
        Assert.StartsWith($"IAMLAB_ENDPOINT is \"{value}\": ", result.Error.Message, StringComparison.Ordinal);
    }
}
