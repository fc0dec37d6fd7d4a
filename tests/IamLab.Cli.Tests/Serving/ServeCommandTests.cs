using Xunit;

namespace IamLab.Cli.Tests.Serving;

/// <summary><c>iamlab serve --scenario</c>'s usage errors, which stop before any server starts.</summary>
public class ServeCommandTests
{
    [Fact]
    public async Task UnknownScenario_ExitTwo_ListingTheKnownIds()
    {
        var (status, output, error) = await Repo.Run("serve", "--port", "0", "--scenario", "no-such-scenario", "--scenarios", Repo.Scenarios);

        Assert.Equal(2, status);
        Assert.Contains("SCENARIO_UNKNOWN: There is no scenario \"no-such-scenario\"", error, StringComparison.Ordinal);
        Assert.Contains("cross-account-external-id, ec2-instance-role", error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSubmissionFolder_ExitTwo_NamingIt()
    {
        var missing = Path.Combine(Repo.Scratch(), "absent");

        var (status, output, error) = await Repo.Run("serve", "--port", "0", "--scenario", "cross-account-external-id", "--submission", missing, "--scenarios", Repo.Scenarios);

        Assert.Equal(2, status);
        Assert.Contains($"SUBMISSION_NOT_FOUND: {missing}: The submission folder {missing} does not exist.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmissionWithoutScenario_ExitTwo()
    {
        var (status, _, error) = await Repo.Run("serve", "--port", "0", "--submission", Repo.Solution("cross-account-external-id"));

        Assert.Equal(2, status);
        Assert.Contains("--submission needs --scenario ID", error, StringComparison.Ordinal);
    }
}
