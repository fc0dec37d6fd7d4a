using Xunit;

namespace IamLab.Cli.Tests;

public class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ErrorFinding_ExitsOne_WithLocationAndSuggestion()
    {
        var path = CliRunner.TempFile("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEqual\": {\"aws:username\": \"a\"}}}}");
        var (status, output, _) = await CliRunner.Run("validate", path);
        Assert.Equal(1, status);
        Assert.Contains($"{path}:1:106: ERROR UNKNOWN_OPERATOR: \"StringEqual\" is not a condition operator. Did you mean \"StringEquals\"?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_CleanTrustPolicy_ExitsZero()
    {
        var path = CliRunner.TempFile("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}""");
        var (status, output, _) = await CliRunner.Run("validate", path, "--kind", "trust");
        Assert.Equal(0, status);
        Assert.EndsWith("no findings.", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownKind_IsAUsageError()
    {
        var (status, _, error) = await CliRunner.Run("validate", CliRunner.TempFile("{}"), "--kind", "trusts");
        Assert.Equal(2, status);
        Assert.Contains("Did you mean \"trust\"?", error, StringComparison.Ordinal);
    }
}
