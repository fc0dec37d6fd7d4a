using Xunit;

namespace IamLab.Cli.Tests.Grading;

[Collection("environment")]
public class AnnotationTests
{
    [Fact]
    public async Task OnGitHubActions_FailuresBecomeErrorAnnotationsOnTheLearnersFiles()
    {
        var before = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
        try
        {
            var (_, output, _) = await Repo.Run("grade", "cross-account-external-id", "--submission", Repo.Example);

            var file = Path.Combine(Repo.Example, "trust-policy.json").Replace('\\', '/').Replace(":", "%3A", StringComparison.Ordinal);
            var errors = output.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
            Assert.Equal(5, errors.Count);
            Assert.Contains(errors, l => l.StartsWith($"::error file={file},line=4,title=cross-account-external-id%3A wrong-external-id-refused::Expected denied, got allowed.", StringComparison.Ordinal));
            Assert.Contains(output.Split('\n'), l => l.StartsWith($"::warning file={file},line=7,col=20,title=SEC_CROSS_ACCOUNT_NO_EXTERNAL_ID::", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", before);
        }
    }

    [Fact]
    public async Task OnGitHubActions_WithADocumentOnStandardOutput_AnnotationsGoToStandardError()
    {
        var before = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
        try
        {
            var (_, output, error) = await Repo.Run("grade", "cross-account-external-id", "--submission", Repo.Example, "--format", "markdown");

            Assert.DoesNotContain("::error", output);
            Assert.Equal(5, error.Split('\n').Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", before);
        }
    }

    [Fact]
    public async Task OffGitHubActions_NoAnnotations()
    {
        var before = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", null);
        try
        {
            var (_, output, _) = await Repo.Run("grade", "cross-account-external-id", "--submission", Repo.Example, "--format", "markdown");

            Assert.DoesNotContain("::error", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", before);
        }
    }
}
