using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using Xunit;

namespace IamLab.Endpoint.Tests.Files;

/// <summary>localstack/docker-compose.yml and its init scripts parse and say what localstack/README.md says.</summary>
public sealed partial class LocalStackFilesTests
{
    private const string Compose = "localstack/docker-compose.yml";

    [Fact]
    public void Compose_PinsAVersionedImage_ThatTheReadmeNames()
    {
        var image = ((YamlScalarNode)RepositoryFiles.Yaml(Compose).At("services", "localstack", "image")).Value!;

        Assert.Matches(PinnedTag(), image);
        Assert.Contains($"`{image}`", RepositoryFiles.Read("localstack/README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PublishesPort4566_AndPassesTheOptionalTokenAndIamEnforcement()
    {
        var service = RepositoryFiles.Yaml(Compose).At("services", "localstack");
        var ports = service.At("ports").Strings();
        var environment = service.At("environment").Strings();

        Assert.Contains(ports, p => p.EndsWith("4566:4566", StringComparison.Ordinal));
        Assert.Contains("LOCALSTACK_AUTH_TOKEN=${LOCALSTACK_AUTH_TOKEN:-}", environment);
        Assert.Contains("ENFORCE_IAM=${ENFORCE_IAM:-0}", environment);
    }

    [Fact]
    public void Compose_MountsTheInitScripts_WhichExistAndBuildTheScenarioWorld()
    {
        var volumes = RepositoryFiles.Yaml(Compose).At("services", "localstack", "volumes").Strings();
        var mount = Assert.Single(volumes, v => v.Contains("/etc/localstack/init/ready.d", StringComparison.Ordinal));
        var hostPath = Path.Combine(RepositoryFiles.Root, "localstack", mount.Split(':')[0]);
        var scripts = Directory.GetFiles(hostPath, "*.sh");
        var script = File.ReadAllText(Assert.Single(scripts));

        Assert.Contains("unique-external-id-12345", script, StringComparison.Ordinal);
        Assert.Contains("CrossAccountS3Access", script, StringComparison.Ordinal);
        Assert.Contains("111111111111", script, StringComparison.Ordinal);
        Assert.Contains("999999999999", script, StringComparison.Ordinal);
        Assert.Contains("awslocal", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_SaysPlainlyWhatTheFreeEditionDoesNotCheck_AndThatGradingUsesTheEngine()
    {
        var section = RepositoryFiles.Section("localstack/README.md", "What the free edition does not check");

        Assert.Contains("Trust policies are not checked", section, StringComparison.Ordinal);
        Assert.Contains("ExternalId is not checked", section, StringComparison.Ordinal);
        Assert.Contains("Permissions are not checked", section, StringComparison.Ordinal);
        Assert.Contains("grading always uses the lab's\nengine", section, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^localstack/localstack:\d+\.\d+\.\d+$")]
    private static partial Regex PinnedTag();
}
