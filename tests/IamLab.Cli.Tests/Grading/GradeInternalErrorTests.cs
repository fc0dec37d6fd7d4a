using Xunit;

namespace IamLab.Cli.Tests.Grading;

public class GradeInternalErrorTests
{
    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the output broke");

        public override void Write(string? value) => throw new InvalidOperationException("the output broke");

        public override void WriteLine(string? value) => throw new InvalidOperationException("the output broke");
    }

    [Fact]
    public async Task GraderBug_HasItsOwnExitStatus_AndOneLineWithoutStackTrace()
    {
        using var output = new BrokenWriter();
        using var error = new StringWriter();

        var status = await CliApp.RunAsync(["grade", "cross-account-external-id", "--submission", Repo.Example, "--format", "json", "--scenarios", Repo.Scenarios], output, error);

        Assert.Equal(3, status);
        Assert.Equal("iamlab grade: internal error while grading (InvalidOperationException: the output broke); please report it with the submission.",
            error.ToString().TrimEnd());
    }

    [Fact]
    public async Task BugInAnotherCommand_AlsoExitsThree()
    {
        using var output = new BrokenWriter();
        using var error = new StringWriter();

        var status = await CliApp.RunAsync(["scenarios", "show", "role-chaining", "--scenarios", Repo.Scenarios], output, error);

        Assert.Equal(3, status);
        Assert.StartsWith("iamlab: internal error (InvalidOperationException: the output broke)", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
