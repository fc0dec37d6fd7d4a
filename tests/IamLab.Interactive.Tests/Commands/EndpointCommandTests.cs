using IamLab.Interactive.Tests.Extension;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Commands;

[Collection(KernelTestGroup.Name)]
public sealed class EndpointCommandTests
{
    [Fact]
    public async Task Endpoint_starts_on_loopback_serves_the_world_and_sets_the_sdk_environment()
    {
        using var kernel = new TestKernel(CrossAccount());
        try
        {
            var cell = await kernel.RunAsync($"#!lab-endpoint --as {Dev}");

            Assert.True(cell.Succeeded, cell.Failure);
            var url = kernel.Notebook.EndpointUrl!;
            Assert.Equal("127.0.0.1", url.Host);
            Assert.Equal(url.ToString().TrimEnd('/'), Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"));
            var key = kernel.Notebook.World!.Accounts[Caller].Users["dev"].AccessKeys.Single();
            Assert.Equal(key.AccessKeyId, Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
            Assert.Equal(key.SecretAccessKey, Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
            Assert.DoesNotContain(key.SecretAccessKey, cell.Html);
            Assert.Contains(url.ToString().TrimEnd('/'), cell.Html);

            // An unsigned STS call reaches the endpoint, which answers with AWS's error document.
            using var http = new HttpClient();
            using var response = await http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" }));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("<ErrorResponse", body);

            var stop = await kernel.RunAsync("#!lab-endpoint --stop");
            Assert.True(stop.Succeeded, stop.Failure);
            Assert.Null(kernel.Notebook.EndpointUrl);
        }
        finally
        {
            await kernel.RunAsync("#!lab-endpoint --stop");
        }
    }

    [Theory]
    [InlineData("#!lab-endpoint --port 70000", "#!lab-endpoint: USAGE: --port must be a port number from 1 to 65535, not \"70000\".")]
    [InlineData("#!lab-endpoint --as arn:aws:iam::111111111111:user/dev --account 111111111111", "#!lab-endpoint: USAGE: --as and --account exclude each other; give one of them.")]
    [InlineData("#!lab-endpoint --as arn:aws:iam::111111111111:user/ghost", "#!lab-endpoint: UNKNOWN_PRINCIPAL: \"arn:aws:iam::111111111111:user/ghost\" is not a user or account root in this world; the users are: arn:aws:iam::111111111111:user/dev.")]
    public async Task Bad_arguments_fail_with_a_clear_message(string code, string message)
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync(code);

        Assert.Equal(message, cell.Failure);
        Assert.Null(kernel.Notebook.EndpointUrl);
    }
}

[Collection(KernelTestGroup.Name)]
public sealed class IsolatedEndpointTests
{
    [Fact]
    public async Task Endpoint_in_its_own_load_context_serves_the_notebook_world()
    {
        // Hosts without ASP.NET Core (dotnet-repl) start the endpoint this way; the test host has ASP.NET Core, so call it directly.
        var world = CrossAccount();
        var (endpoint, url) = await IamLab.Interactive.Commands.EndpointHandle.StartIsolatedAsync(world, 0, CancellationToken.None);
        try
        {
            var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(endpoint.GetType().Assembly);
            Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, context);
            Assert.Equal("IamLab endpoint (ASP.NET Core)", context!.Name);
            Assert.Equal("IamLab.Endpoint.Hosting.LabEndpoint", endpoint.GetType().FullName);
            Assert.Equal("127.0.0.1", url.Host);

            // An unsigned STS call reaches it and gets AWS's error document.
            using var http = new HttpClient();
            using var response = await http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" }));
            Assert.Contains("<ErrorResponse", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await endpoint.DisposeAsync();
        }
    }
}
